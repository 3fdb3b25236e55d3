namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>A promo code with its validity window and redemption limit.</summary>
internal sealed class PromoCodeDocument
{
    public string? Code { get; set; }

    public string? Description { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidUntil { get; set; }

    public int? RedemptionLimit { get; set; }

    public int? RedemptionsReported { get; set; }

    public string? RedemptionsReportedAt { get; set; }

    public bool Stackable { get; set; }
}
