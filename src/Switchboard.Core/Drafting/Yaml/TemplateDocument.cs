namespace Switchboard.Core.Drafting.Yaml;

internal sealed class TemplateDocument
{
    public string? Acknowledge { get; set; }

    public string? Act { get; set; }

    public string? Anchor { get; set; }
}
