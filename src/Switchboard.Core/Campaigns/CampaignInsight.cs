namespace Switchboard.Core.Campaigns;

/// <summary>
/// What the go-live monitor learned about one message: the campaign tag, the facts of every code it names, a disclosure
/// flag for creator posts, and the approved answer it matches (drafts for "is this legit?" are grounded in it).
/// </summary>
public sealed record CampaignInsight(
    Campaign Campaign,
    CampaignTag? Tag,
    IReadOnlyList<PromoCodeFacts> PromoCodes,
    string? DisclosureFlag,
    ApprovedAnswer? Answer,
    bool InGoLiveWindow);
