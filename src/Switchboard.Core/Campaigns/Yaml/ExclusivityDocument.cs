namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>The creator exclusivity window.</summary>
internal sealed class ExclusivityDocument
{
    public string? From { get; set; }

    public string? Until { get; set; }

    public string? Notes { get; set; }
}
