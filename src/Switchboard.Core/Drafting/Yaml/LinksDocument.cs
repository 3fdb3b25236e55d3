namespace Switchboard.Core.Drafting.Yaml;

/// <summary>config/link-library.yaml as read.</summary>
internal sealed class LinksDocument
{
    public Dictionary<string, LinkDocument>? Links { get; set; }
}
