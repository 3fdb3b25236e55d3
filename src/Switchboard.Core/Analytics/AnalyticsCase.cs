using Switchboard.Core.Domain;

namespace Switchboard.Core.Analytics;

/// <summary>A case row with its whole event log (ordered by id), the raw input of the KPI engine.</summary>
/// <param name="MessageTexts">The case's message texts; loaded only when a campaign keyword match needs them.</param>
public sealed record AnalyticsCase(CaseRecord Case, IReadOnlyList<CaseEvent> Events, IReadOnlyList<string> MessageTexts);
