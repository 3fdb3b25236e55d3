namespace Switchboard.Core.Analytics;

/// <summary>
/// Which cases and events a KPI report covers: the half-open time range [From, To) and optional
/// platform, owner team, intent and campaign (null = any). Team and intent are the case's current values.
/// </summary>
public sealed record KpiFilter(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Platform = null,
    string? Team = null,
    string? Intent = null,
    string? Campaign = null);
