namespace Switchboard.Core.Drafting.Yaml;

internal sealed class IntentTemplatesDocument
{
    public TemplateDocument? Public { get; set; }

    public TemplateDocument? Private { get; set; }
}
