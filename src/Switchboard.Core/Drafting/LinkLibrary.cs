namespace Switchboard.Core.Drafting;

/// <summary>The link library (config/link-library.yaml): the only URLs a draft may contain.</summary>
public sealed record LinkLibrary(IReadOnlyDictionary<string, PolicyLink> Links)
{
    public bool IsAllowed(string url) =>
        Links.Values.Any(l => url.StartsWith(l.Url.OriginalString.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
