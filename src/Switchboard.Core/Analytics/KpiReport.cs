namespace Switchboard.Core.Analytics;

/// <summary>
/// Every KPI for one filter, computed from the event log (see docs/analytics.md for each definition).
/// Serialised with camelCase names: firstResponseTime, handlingTime, … (the `kpi --json` contract).
/// </summary>
public sealed record KpiReport(
    KpiReport.Window Range,
    KpiReport.Duration FirstResponseTime,
    KpiReport.Duration HandlingTime,
    KpiReport.Duration TimeToResolution,
    IReadOnlyDictionary<string, KpiReport.SlaAdherence> SlaAdherenceByIntent,
    KpiReport.BacklogStats Backlog,
    KpiReport.Rate ReopenRate,
    KpiReport.Rate NoiseFilteredRate,
    KpiReport.Rate AutoTagAgreement,
    KpiReport.Rate RoutingAccuracy,
    KpiReport.Rate AutoResolutionRate,
    KpiReport.ReviewerLoadStats ReviewerLoad,
    KpiReport.Rate DraftEditRate,
    KpiReport.CsatStats Csat,
    IReadOnlyList<int> VolumeByHour,
    IReadOnlyDictionary<string, int> VolumeByPlatform,
    IReadOnlyDictionary<string, int> VolumeByIntent,
    int? PeakHour,
    IReadOnlyList<KpiReport.Bucket> FirstResponseDistribution,
    IReadOnlyList<KpiReport.ConfusionCell> IntentConfusion,
    IReadOnlyList<KpiReport.DayRate> AutoTagAgreementTrend,
    IReadOnlyList<KpiReport.QueueItem> Queue,
    KpiReport.CostStats Cost)
{
    /// <summary>The range covered, when the backlog was measured, the zone of hours and days, and the cohort size.</summary>
    public sealed record Window(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, string TimeZone, int CasesOpened);

    /// <summary>Durations in seconds over <paramref name="Count"/> cases; null when there are none.</summary>
    public sealed record Duration(double? MedianSeconds, double? P90Seconds, int Count);

    /// <summary>A share: <paramref name="Numerator"/> of <paramref name="Denominator"/>; Value is null when the denominator is 0.</summary>
    public sealed record Rate(int Numerator, int Denominator, double? Value);

    /// <summary>First-response and resolution SLA outcomes of one intent's cases.</summary>
    public sealed record SlaAdherence(SlaOutcome FirstResponse, SlaOutcome Resolution);

    /// <summary>Met and breached count toward Rate = met ÷ (met + breached); pending (clock still running) does not.</summary>
    public sealed record SlaOutcome(int Met, int Breached, int Pending, double? Rate);

    public sealed record BacklogStats(int Open, double? AgeMedianSeconds, double? AgeP90Seconds, double? OldestSeconds, IReadOnlyDictionary<string, int> ByTeam, IReadOnlyDictionary<string, int> ByIntent);

    public sealed record ReviewerLoadStats(IReadOnlyList<QueueLoad> ByQueue, IReadOnlyList<PersonLoad> ByPerson);

    /// <summary>Per owner team: cards put in front of it, and the person decisions taken on them.</summary>
    public sealed record QueueLoad(string Team, int CardsRequested, int Routine, int Exceptions);

    /// <summary>Per reviewer: routine decisions (approve, resolve) and exceptions (edit, escalate, retag).</summary>
    public sealed record PersonLoad(string Actor, int Routine, int Exceptions, int Total);

    public sealed record CsatStats(int Responses, double? Average, Rate Satisfied, IReadOnlyList<int> Distribution);

    public sealed record Bucket(string Label, double? UpToSeconds, int Count);

    public sealed record ConfusionCell(string Predicted, string Reviewed, int Count);

    public sealed record DayRate(string Day, int Agreed, int Reviewed, double? Rate);

    public sealed record QueueItem(long CaseId, string? Intent, string? Team, string Status, string Platform, double AgeSeconds, DateTimeOffset? FirstResponseDueAt, bool Breached);

    /// <summary>Money figures; each is null when its configured inputs are missing.</summary>
    public sealed record CostStats(string Currency, double? StaffingCost, int ResolvedCases, double? CostPerResolvedCase, double? RevenueAssisted, double? RefundsAvoided);
}
