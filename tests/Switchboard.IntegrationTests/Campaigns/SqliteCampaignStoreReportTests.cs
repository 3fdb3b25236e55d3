using Switchboard.Core.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>The report over a database built by hand: messages and cases in and around the launch window.</summary>
public sealed class SqliteCampaignStoreReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task SeedAsync(CampaignServices services)
    {
        await services.ExecuteAsync("""
            INSERT INTO cases(id, customer_key, platform, connector, status, version, opened_at, updated_at, intent, first_response_due_at, first_responded_at, resolved_at)
            VALUES
              (1, 'tg:umar', 'telegram', 'playground', 'resolved', 3, '2026-11-20T18:08:00.0000000Z', '2026-11-20T19:00:00.0000000Z', 'promo_campaign', '2026-11-20T18:38:00.0000000Z', '2026-11-20T18:20:00.0000000Z', '2026-11-20T19:00:00.0000000Z'),
              (2, 'sl:lena', 'slack', 'playground', 'replied', 2, '2026-11-20T18:11:00.0000000Z', '2026-11-20T18:50:00.0000000Z', 'promo_campaign', '2026-11-20T18:41:00.0000000Z', '2026-11-20T18:50:00.0000000Z', NULL),
              (3, 'x:emma', 'x', 'playground', 'new', 1, '2026-11-20T19:10:00.0000000Z', '2026-11-20T19:10:00.0000000Z', 'order_status', '2026-11-20T19:40:00.0000000Z', NULL, NULL),
              (4, 'x:old', 'x', 'playground', 'resolved', 1, '2026-11-20T09:00:00.0000000Z', '2026-11-20T09:00:00.0000000Z', 'billing', NULL, NULL, '2026-11-20T10:00:00.0000000Z');
            INSERT INTO messages(connector, platform, platform_message_id, channel_id, conversation_id, author_id, author_handle, text, is_public, sent_at, received_at, case_id)
            VALUES
              ('playground', 'telegram', 'm1', 'tg-dm', 'c1', 'u1', 'umar740', 'Is the LAUNCH20 code legit? It says invalid at checkout', 0, '2026-11-20T18:08:00.0000000Z', '2026-11-20T18:08:00.0000000Z', 1),
              ('playground', 'slack', 'm2', 'sl-customers', 'c2', 'u2', 'lena570', 'code LAUNCH20 not working for me', 1, '2026-11-20T18:11:00.0000000Z', '2026-11-20T18:11:00.0000000Z', 2),
              ('playground', 'x', 'm3', 'x-mentions', 'c3', 'u3', 'emma514', 'where is my order', 1, '2026-11-20T19:10:00.0000000Z', '2026-11-20T19:10:00.0000000Z', 3),
              ('playground', 'x', 'm4', 'x-mentions', 'c4', 'u4', 'old', 'LAUNCH20 before launch', 1, '2026-11-20T09:00:00.0000000Z', '2026-11-20T09:00:00.0000000Z', 4);
            """);
        var clarification = await services.Store.AddClarificationAsync("maya-launch20", "answer:1", "📌 LAUNCH20 works on full-price kits", 3, CampaignServices.GoLive.AddMinutes(30), cancellationToken: TestContext.Current.CancellationToken);
        await services.Store.MarkClarificationPinnedAsync(clarification.Id, CampaignServices.GoLive.AddMinutes(35), cancellationToken: TestContext.Current.CancellationToken);
        await services.Store.AddClarificationAsync("maya-launch20", "answer:0", "suggested only", 2, CampaignServices.GoLive.AddMinutes(40), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReadReportData_ConstructedDatabase_MarkdownAndCsvFromTheWindowOnly()
    {
        var services = new CampaignServices(_folder.File("report.db"), CampaignServices.GoLive.AddHours(8));
        await SeedAsync(services);
        var (from, until) = (CampaignServices.GoLive, CampaignServices.GoLive.AddHours(6));

        var data = await services.Store.ReadReportDataAsync("maya-launch20", from, until, TestContext.Current.CancellationToken);
        var report = CampaignReportBuilder.Build(services.Example, from, until, data, services.Clock.GetUtcNow());
        using var markdown = new StringWriter();
        using var csv = new StringWriter();
        CampaignVerbs.WriteReport(report, "md", markdown);
        CampaignVerbs.WriteReport(report, "csv", csv);

        Assert.Equal(3, report.Messages);
        Assert.Equal(3, report.Cases);
        Assert.Equal(2, report.PromoCodeIssues[0].Mentions);
        var md = markdown.ToString();
        Assert.Contains("| 2026-11-20 18:00 | slack | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-11-20 19:00 | x | 1 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("| promo_campaign | 2 |", md, StringComparison.Ordinal);
        Assert.Contains("First response: median 12 min, p90 39 min", md, StringComparison.Ordinal);
        Assert.Contains("SLA adherence (first response): 33.3 % (1 of 3)", md, StringComparison.Ordinal);
        Assert.Contains("## Clarifications pinned (1)", md, StringComparison.Ordinal);
        Assert.Contains("- cost_per_resolved_case: 2400 EUR (support cost 2400 ÷ resolved cases 1)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("billing", md, StringComparison.Ordinal);
        var rows = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("summary,messages,,3", rows);
        Assert.Contains("clarifications,pinned,,1", rows);
        Assert.Contains("roi,cpa,EUR,9.68", rows);
    }
}
