namespace Switchboard.Core.Campaigns;

/// <summary>The post-launch KPI snapshot of one campaign over one window; <see cref="CampaignReportBuilder"/> computes it.</summary>
public sealed record CampaignReport(
    string Campaign,
    string Title,
    DateTimeOffset From,
    DateTimeOffset Until,
    int Messages,
    int TaggedMessages,
    IReadOnlyList<(DateTimeOffset Hour, string Platform, int Messages, int Tagged)> VolumeByHour,
    IReadOnlyList<(string Issue, int Count)> TopIssues,
    IReadOnlyList<(string Question, int Count)> TopQuestions,
    int Cases,
    int ResolvedCases,
    double? FirstResponseMedianMinutes,
    double? FirstResponseP90Minutes,
    double? ResolutionMedianMinutes,
    int SlaMeasured,
    int SlaMet,
    IReadOnlyList<(string Code, int Mentions, string Facts)> PromoCodeIssues,
    IReadOnlyList<CampaignClarification> ClarificationsPinned,
    IReadOnlyList<(string Metric, decimal Value, string Formula)> Roi,
    string Currency)
{
    public double? SlaAdherence => SlaMeasured == 0 ? null : (double)SlaMet / SlaMeasured;
}
