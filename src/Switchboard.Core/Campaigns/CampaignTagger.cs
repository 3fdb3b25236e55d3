using System.Text.RegularExpressions;

namespace Switchboard.Core.Campaigns;

/// <summary>Tags message text to a campaign when it names one of its promo codes, creator handles or its landing page.</summary>
public static partial class CampaignTagger
{
    public static CampaignTag? Tag(Campaign campaign, string text)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var words = Words().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var codes = campaign.PromoCodes.Where(c => words.Contains(c.Code)).Select(c => c.Code).ToArray();
        var handles = campaign.Creators
            .Where(c => words.Contains(c.Handle))
            .Select(c => c.Handle)
            .ToArray();
        var landing = LandingKey(campaign.LandingPage) is { Length: > 0 } key && text.Contains(key, StringComparison.OrdinalIgnoreCase);
        return codes.Length > 0 || handles.Length > 0 || landing ? new CampaignTag(campaign.Name, codes, handles, landing) : null;
    }

    public static CampaignTag? Tag(IEnumerable<Campaign> campaigns, string text) =>
        campaigns.Select(c => Tag(c, text)).FirstOrDefault(t => t is not null);

    /// <summary>Host and path without the scheme, so "shop.example.com/winter-launch" in a message counts.</summary>
    private static string LandingKey(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host + uri.AbsolutePath).TrimEnd('/') : url;

    [GeneratedRegex(@"@?[\p{L}\p{N}_.\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
