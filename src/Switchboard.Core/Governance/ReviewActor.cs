namespace Switchboard.Core.Governance;

/// <summary>Who is acting: a person (<c>user:@dana</c>) with the roles the host mapped them to, or a component (<c>system:router</c>).</summary>
public sealed record ReviewActor(string Id, IReadOnlyCollection<string> Roles)
{
    public bool IsSystem => Id.StartsWith("system:", StringComparison.Ordinal);
}
