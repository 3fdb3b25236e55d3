namespace Switchboard.Core.Campaigns;

/// <summary>
/// A promo code as the factsheet states it. Redemptions are what ecommerce last reported into the factsheet
/// (<see cref="RedemptionsReported"/>); Switchboard does not see checkouts, so "limit reached" is only as fresh as that report.
/// </summary>
public sealed record PromoCode(
    string Code,
    string? Description,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    int? RedemptionLimit,
    int? RedemptionsReported,
    DateTimeOffset? RedemptionsReportedAt,
    bool Stackable);
