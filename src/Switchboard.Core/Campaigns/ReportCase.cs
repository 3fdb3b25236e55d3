namespace Switchboard.Core.Campaigns;

/// <summary>A case opened in the report window, with its SLA due times and what happened.</summary>
public sealed record ReportCase(
    long Id,
    string Platform,
    string? Intent,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolvedAt);
