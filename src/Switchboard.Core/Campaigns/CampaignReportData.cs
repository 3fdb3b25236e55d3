namespace Switchboard.Core.Campaigns;

/// <summary>What the report reads from the database for a window: messages, cases opened in it, and clarifications.</summary>
public sealed record CampaignReportData(IReadOnlyList<ReportMessage> Messages, IReadOnlyList<ReportCase> Cases, IReadOnlyList<CampaignClarification> Clarifications);
