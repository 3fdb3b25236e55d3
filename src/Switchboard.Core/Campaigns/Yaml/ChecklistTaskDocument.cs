namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>One checklist task.</summary>
internal sealed class ChecklistTaskDocument
{
    public string? Id { get; set; }

    public string? Phase { get; set; }

    public string? Task { get; set; }

    public string? Owner { get; set; }

    public string? Deliverable { get; set; }

    public string? Due { get; set; }
}
