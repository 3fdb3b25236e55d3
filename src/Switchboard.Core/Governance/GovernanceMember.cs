namespace Switchboard.Core.Governance;

/// <summary>A person and their roles (configuration keys cannot hold ':', so members are a list).</summary>
public sealed class GovernanceMember
{
    /// <summary>The actor id as the review card reports it, for example <c>slack:U0123</c> or <c>user:@dana</c>.</summary>
    public string Actor { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}
