namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>Optional ROI inputs for the post-launch report.</summary>
internal sealed class RoiDocument
{
    public string? Currency { get; set; }

    public decimal? Spend { get; set; }

    public long? Impressions { get; set; }

    public long? Views { get; set; }

    public long? Conversions { get; set; }

    public long? AssistedPurchases { get; set; }

    public decimal? AverageOrderValue { get; set; }

    public decimal? RefundsAvoided { get; set; }

    public decimal? SupportCost { get; set; }
}
