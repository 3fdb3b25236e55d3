using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Analytics;

/// <summary>KPI engine, weekly snapshot and retro cards, dashboard access, and cost inputs.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Switchboard:Analytics";

    /// <summary>IANA or Windows time zone id used for hour-of-day volume, days of the trend and the snapshot schedule. Default "UTC".</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Where the weekly KPI snapshot and retro cards go; null (default) disables both posts.</summary>
    public SnapshotChannelOptions? SnapshotChannel { get; set; }

    /// <summary>Day of the week the snapshot and retro are posted, in <see cref="TimeZone"/>. Default Monday.</summary>
    public DayOfWeek SnapshotDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Hour (0–23, in <see cref="TimeZone"/>) at or after which the weekly snapshot is posted. Default 9.</summary>
    [Range(0, 23)]
    public int SnapshotHour { get; set; } = 9;

    /// <summary>How often the snapshot worker checks whether a post is due, in seconds. Default 300.</summary>
    [Range(1, 86_400)]
    public int SnapshotCheckSeconds { get; set; } = 300;

    /// <summary>Resolved cases sampled for the weekly retro card (stratified by intent). Default 10.</summary>
    [Range(1, 50)]
    public int RetroSampleSize { get; set; } = 10;

    /// <summary>
    /// Shared password for the dashboard when it is reached from anything other than loopback. Null (default):
    /// remote access is refused. A secret: set it with Switchboard__Analytics__DashboardPassword.
    /// </summary>
    public string? DashboardPassword { get; set; }

    /// <summary>
    /// True (default): requests from loopback skip the login, like the playground. Set false when a reverse
    /// proxy on the same machine forwards remote users (they would all look like loopback).
    /// </summary>
    public bool DashboardTrustLoopback { get; set; } = true;

    /// <summary>Public base address of the host, used in card links to the dashboard (for example https://ops.example.com). Default null: no link.</summary>
    public string? DashboardBaseUrl { get; set; }

    /// <summary>Campaign name → keywords matched (case-insensitive) in a case's message text when triage did not tag a campaign.</summary>
    public Dictionary<string, string[]> Campaigns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fully loaded staffing cost of the social-care team per week; null (default): no cost figures.</summary>
    [Range(0, double.MaxValue)]
    public double? WeeklyStaffingCost { get; set; }

    /// <summary>Currency label for cost figures. Default "EUR".</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Average order value, for revenue assisted by pre-sales and promo replies; null (default): not estimated.</summary>
    [Range(0, double.MaxValue)]
    public double? AverageOrderValue { get; set; }

    /// <summary>Share (0–1) of answered pre-sales/promo cases assumed to convert; null (default): not estimated.</summary>
    [Range(0, 1)]
    public double? PreSalesConversionRate { get; set; }

    /// <summary>Average refund value, for refunds avoided by resolved billing and order-status cases; null (default): not estimated.</summary>
    [Range(0, double.MaxValue)]
    public double? AverageRefundValue { get; set; }

    /// <summary>Share (0–1) of those resolved cases assumed to have avoided a refund; null (default): not estimated.</summary>
    [Range(0, 1)]
    public double? RefundSaveRate { get; set; }
}
