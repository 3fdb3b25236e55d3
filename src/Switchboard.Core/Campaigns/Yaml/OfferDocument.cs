namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>The offer: a one-line summary and its terms.</summary>
internal sealed class OfferDocument
{
    public string? Summary { get; set; }

    public List<string>? Terms { get; set; }
}
