namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>checklist.yaml as written.</summary>
internal sealed class ChecklistDocument
{
    public List<ChecklistTaskDocument>? Tasks { get; set; }
}
