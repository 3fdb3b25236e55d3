namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>Who creators escalate to.</summary>
internal sealed class ContactDocument
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Handle { get; set; }

    public string? Email { get; set; }
}
