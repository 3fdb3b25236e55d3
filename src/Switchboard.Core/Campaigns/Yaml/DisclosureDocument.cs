namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>Disclosure wording a creator post must carry (any one of them).</summary>
internal sealed class DisclosureDocument
{
    public List<string>? Required { get; set; }
}
