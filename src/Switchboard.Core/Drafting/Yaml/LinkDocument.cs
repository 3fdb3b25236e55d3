namespace Switchboard.Core.Drafting.Yaml;

internal sealed class LinkDocument
{
    public string? Url { get; set; }

    public string? Summary { get; set; }
}
