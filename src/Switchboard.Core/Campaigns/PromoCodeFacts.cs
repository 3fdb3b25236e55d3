using System.Globalization;

namespace Switchboard.Core.Campaigns;

/// <summary>The facts campaign ops need on a promo-code card: is the code valid now, and why not.</summary>
public sealed record PromoCodeFacts(string Code, string? Campaign, PromoCodeStatus Status, string Summary, PromoCode? Definition)
{
    public static PromoCodeFacts For(Campaign? campaign, string code, DateTimeOffset now)
    {
        var definition = campaign?.FindCode(code);
        if (campaign is null || definition is null)
        {
            return new(code.ToUpperInvariant(), campaign?.Name, PromoCodeStatus.Unknown, $"{code.ToUpperInvariant()} is not in the factsheet", null);
        }

        var window = string.Create(CultureInfo.InvariantCulture, $"valid {definition.ValidFrom:yyyy-MM-dd HH:mm} to {definition.ValidUntil:yyyy-MM-dd HH:mm} UTC");
        var limit = definition.RedemptionLimit is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"; {definition.RedemptionsReported ?? 0} of {max} redemptions reported")
            : "; no redemption limit";
        var (status, verdict) = now < definition.ValidFrom ? (PromoCodeStatus.NotYetValid, "not valid yet")
            : now > definition.ValidUntil ? (PromoCodeStatus.Expired, "expired")
            : definition.RedemptionLimit is { } cap && (definition.RedemptionsReported ?? 0) >= cap ? (PromoCodeStatus.LimitReached, "limit reached")
            : (PromoCodeStatus.Valid, "valid");
        var stacking = definition.Stackable ? "; stacks with other codes" : "; does not stack";
        return new(definition.Code, campaign.Name, status, $"{definition.Code} is {verdict} ({window}{limit}{stacking})", definition);
    }
}
