using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignReportBuilderTests
{
    private static readonly DateTimeOffset T = CampaignTestData.GoLive;

    private static CampaignReportData Data() => new(
        [
            new(1, T.AddMinutes(8), "telegram", 1, "umar740", "Is the LAUNCH20 code legit? It says invalid at checkout"),
            new(2, T.AddMinutes(11), "slack", 2, "lena570", "code LAUNCH20 not working for me"),
            new(3, T.AddMinutes(70), "slack", 3, "x", "where is my parcel"),
            new(4, T.AddHours(-1), "slack", null, "y", "LAUNCH20 before the window"),
        ],
        [
            new(1, "telegram", "promo_campaign", "resolved", T.AddMinutes(8), T.AddMinutes(38), T.AddMinutes(20), null, T.AddMinutes(60)),
            new(2, "slack", "promo_campaign", "replied", T.AddMinutes(11), T.AddMinutes(41), T.AddMinutes(50), null, null),
            new(3, "slack", "order_status", "new", T.AddMinutes(70), T.AddMinutes(100), null, null, null),
        ],
        [new(1, "maya-launch20", "answer:1", "📌 pinned", 3, "pinned", T.AddMinutes(30), T.AddMinutes(31)), new(2, "maya-launch20", "answer:0", "s", 2, "suggested", T, null)]);

    [Fact]
    public void Build_ConstructedData_CountsVolumeTimesSlaAndPromoCodes()
    {
        var report = CampaignReportBuilder.Build(CampaignTestData.Example(), T, T.AddHours(6), Data(), T.AddHours(7));

        Assert.Equal(3, report.Messages);
        Assert.Equal(2, report.TaggedMessages);
        Assert.Equal(new[] { (T, "slack", 1, 1), (T, "telegram", 1, 1), (T.AddHours(1), "slack", 1, 0) }, report.VolumeByHour);
        Assert.Equal(("promo_campaign", 2), report.TopIssues[0]);
        Assert.Equal(12, report.FirstResponseMedianMinutes);
        Assert.Equal(52, report.ResolutionMedianMinutes);
        Assert.Equal(3, report.SlaMeasured);
        Assert.Equal(1, report.SlaMet);
        Assert.Equal(("LAUNCH20", 2), (report.PromoCodeIssues[0].Code, report.PromoCodeIssues[0].Mentions));
        Assert.Single(report.ClarificationsPinned);
        Assert.Contains(("LAUNCH20 is not working at checkout", 2), report.TopQuestions);
    }

    [Fact]
    public void Roi_FactsheetInputs_PlaybookFormulas()
    {
        var roi = CampaignReportBuilder.Roi(CampaignTestData.Example().Roi, resolvedCases: 48).ToDictionary(r => r.Metric, r => r.Value);

        Assert.Equal(180 * 46.5m, roi["revenue_assisted"]);
        Assert.Equal(1350m, roi["refunds_avoided"]);
        Assert.Equal(50m, roi["cost_per_resolved_case"]);
        Assert.Equal(15.38m, roi["cpm"]);
        Assert.Equal(0.0293m, roi["cpv"]);
        Assert.Equal(9.68m, roi["cpa"]);
    }

    [Fact]
    public void Roi_NoResolvedCasesOrSpend_FiguresLeftOut()
    {
        var roi = CampaignReportBuilder.Roi(new RoiInputs("EUR", null, null, null, null, null, null, 10, 100), resolvedCases: 0);

        Assert.Equal(["refunds_avoided"], roi.Select(r => r.Metric));
    }

    [Fact]
    public void WriteCsv_Report_HasHeaderAndQuotedFacts()
    {
        var report = CampaignReportBuilder.Build(CampaignTestData.Example(), T, T.AddHours(6), Data(), T.AddHours(7));
        using var writer = new StringWriter();

        CampaignReportWriter.WriteCsv(report, writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("section,metric,key,value", lines[0]);
        Assert.Contains("volume,messages,2026-11-20T18:00Z|slack,1", lines);
        Assert.Contains("sla,adherence,,0.3333", lines);
        Assert.Contains("roi,revenue_assisted,EUR,8370", lines);
        Assert.Contains(lines, l => l.StartsWith("promo_codes,facts,LAUNCH20,LAUNCH20 is valid (valid 2026-11-20 18:00 to", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteMarkdown_Report_HasEverySection()
    {
        var report = CampaignReportBuilder.Build(CampaignTestData.Example(), T, T.AddHours(6), Data(), T.AddHours(7));
        using var writer = new StringWriter();

        CampaignReportWriter.WriteMarkdown(report, writer);

        var text = writer.ToString();
        foreach (var heading in new[] { "## Volume by hour and platform", "## Top issues", "## Response times and SLA", "## Promo codes", "## Clarifications pinned (1)", "## ROI" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("| 2026-11-20 18:00 | telegram | 1 | 1 |", text, StringComparison.Ordinal);
        Assert.Contains("SLA adherence (first response): 33.3 % (1 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("- revenue_assisted: 8370 EUR", text, StringComparison.Ordinal);
    }
}
