using Microsoft.Extensions.Options;

namespace Switchboard.Core.Campaigns;

/// <summary>Inspects a message against the campaigns: tagging, promo-code facts, disclosure, approved answer.</summary>
public sealed class CampaignMonitor(CampaignCatalog catalog, IOptions<CampaignOptions> options)
{
    /// <summary>Null when the message is about no campaign and is not a creator post.</summary>
    public CampaignInsight? Inspect(string? authorHandle, string text, DateTimeOffset at)
    {
        foreach (var campaign in catalog.All)
        {
            var tag = CampaignTagger.Tag(campaign, text);
            var disclosure = DisclosureCheck.Check(campaign, authorHandle, text);
            if (tag is null && disclosure is null)
            {
                continue;
            }

            var facts = tag?.Codes.Select(code => PromoCodeFacts.For(campaign, code, at)).ToArray() ?? [];
            var normalized = RepeatedQuestionDetector.Normalize(text);
            var answer = tag is null ? null : campaign.TopQuestions.FirstOrDefault(q => q.Keywords.Any(k => normalized.Contains(RepeatedQuestionDetector.Normalize(k), StringComparison.Ordinal)));
            var active = catalog.ActiveAt(at, options.Value.GoLiveWindowHours).Contains(campaign);
            return new CampaignInsight(campaign, tag, facts, disclosure, answer, active);
        }

        return null;
    }
}
