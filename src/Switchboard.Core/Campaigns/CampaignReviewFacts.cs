using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// The <c>campaign</c> part of the review card's data (cards/review.json): for a message tagged to a campaign, each promo
/// code's facts (known? valid window, expired? limit reached?), the factsheet's offer terms, and the disclosure flag of a
/// creator post. Built from the case's message every time the card is composed, so edits of the card keep it.
/// </summary>
public static class CampaignReviewFacts
{
    public static JsonObject Build(CampaignInsight insight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var c = insight.Campaign;
        var codes = insight.PromoCodes.Select(f => (JsonNode)Code(f, now)).ToArray();
        var data = new JsonObject
        {
            ["name"] = c.Name,
            ["title"] = c.Title,
            ["promoCodes"] = new JsonArray(codes),
            ["terms"] = new JsonArray(c.OfferTerms.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["inGoLiveWindow"] = insight.InGoLiveWindow,
        };
        if (insight.DisclosureFlag is { } flag)
        {
            data["disclosureFlag"] = flag;
        }

        return data;
    }

    private static JsonObject Code(PromoCodeFacts facts, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var code = new JsonObject
        {
            ["code"] = facts.Code,
            ["known"] = facts.Definition is not null,
            ["status"] = facts.Status switch
            {
                PromoCodeStatus.NotYetValid => "not valid yet",
                PromoCodeStatus.LimitReached => "limit reached",
                _ => facts.Status.ToString().ToLowerInvariant(),
            },
            ["summary"] = facts.Summary,
        };
        if (facts.Definition is { } d)
        {
            code["window"] = string.Create(c, $"{d.ValidFrom:yyyy-MM-dd HH:mm} to {d.ValidUntil:yyyy-MM-dd HH:mm} UTC");
            code["expired"] = now > d.ValidUntil;
            code["limitReached"] = facts.Status == PromoCodeStatus.LimitReached;
            code["limitText"] = d.RedemptionLimit is { } max
                ? string.Create(c, $"{(facts.Status == PromoCodeStatus.LimitReached ? "yes" : "no")}: {d.RedemptionsReported ?? 0} of {max} redemptions reported{(d.RedemptionsReportedAt is { } at ? $" at {at:yyyy-MM-dd HH:mm} UTC" : string.Empty)}")
                : "no limit";
            code["stackable"] = d.Stackable;
            if (d.Description is { } description)
            {
                code["description"] = description;
            }
        }

        return code;
    }
}
