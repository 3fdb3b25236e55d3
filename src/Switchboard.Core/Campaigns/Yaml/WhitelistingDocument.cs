namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>Whether ads run through creator handles.</summary>
internal sealed class WhitelistingDocument
{
    public bool Enabled { get; set; }

    public List<string>? Handles { get; set; }

    public string? Notes { get; set; }
}
