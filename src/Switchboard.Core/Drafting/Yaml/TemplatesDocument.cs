namespace Switchboard.Core.Drafting.Yaml;

/// <summary>config/reply-templates.yaml as read.</summary>
internal sealed class TemplatesDocument
{
    public string? Version { get; set; }

    public string? Breadcrumb { get; set; }

    public Dictionary<string, IntentTemplatesDocument>? Templates { get; set; }
}
