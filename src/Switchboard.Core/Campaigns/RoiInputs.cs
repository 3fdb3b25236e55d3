namespace Switchboard.Core.Campaigns;

/// <summary>Optional ROI inputs from the factsheet; every figure that needs a missing input is left out of the report.</summary>
public sealed record RoiInputs(
    string Currency,
    decimal? Spend,
    long? Impressions,
    long? Views,
    long? Conversions,
    long? AssistedPurchases,
    decimal? AverageOrderValue,
    decimal? RefundsAvoided,
    decimal? SupportCost);
