using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Analytics;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>The weekly KPI snapshot and retro posts on the real host and SQLite file, across a restart.</summary>
public sealed class WeeklyPostPublisherTests : IDisposable
{
    // Wednesday of ISO week 47; the posts for that week are due Monday 2026-11-23 09:00 UTC.
    private static readonly DateTimeOffset MidWeek = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(MidWeek);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PublishDue_TwiceAndAfterRestart_OneKpiAndOneRetroCardPerWeek()
    {
        var db = _folder.File("weekly.db");
        await using (var host = await StartAsync(db))
        {
            var cases = host.Get<ICaseStore>();
            var n = 0;
            foreach (var (intent, count) in new[] { ("billing", 6), ("outage", 3), ("feedback", 3) })
            {
                for (var i = 0; i < count; i++)
                {
                    await AnalyticsSeed.ResolvedCaseAsync(cases, MidWeek.AddMinutes(n++), intent, i);
                }
            }

            // Before Monday 09:00 the previous week (46) is due: it had no resolved cases, so no retro card.
            _clock.Now = new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero);
            await host.Get<WeeklyPostPublisher>().PublishDueAsync(TestContext.Current.CancellationToken);
            _clock.Now = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
            await host.Get<WeeklyPostPublisher>().PublishDueAsync(TestContext.Current.CancellationToken);
            await host.Get<WeeklyPostPublisher>().PublishDueAsync(TestContext.Current.CancellationToken);
        }

        await using (var restarted = await StartAsync(db))
        {
            Assert.Empty(await restarted.Get<WeeklyPostPublisher>().PublishDueAsync(TestContext.Current.CancellationToken));
            var sample = await restarted.Get<IAnalyticsStore>().GetRetroSampleAsync("2026-W47", TestContext.Current.CancellationToken);
            Assert.Equal(10, sample.Count);
            // Stratified: three intents take turns, so each appears at least three times in ten.
            Assert.All(sample.GroupBy(s => s.Intent), g => Assert.True(g.Count() >= 3, $"{g.Key}: {g.Count()}"));

            // A lead scores two sampled cases (one twice: the later score replaces it); a case outside the sample is refused.
            var ct = TestContext.Current.CancellationToken;
            Assert.Equal(HttpStatusCode.NoContent, (await restarted.Http.PostAsJsonAsync("/api/kpi/retro/scores", new { period = "2026-W47", caseId = sample[0].CaseId, reviewer = "dana", tone = 1, accuracy = 1, speed = 1 }, ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await restarted.Http.PostAsJsonAsync("/api/kpi/retro/scores", new { period = "2026-W47", caseId = sample[0].CaseId, reviewer = "dana", tone = 5, accuracy = 4, speed = 3 }, ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await restarted.Http.PostAsJsonAsync("/api/kpi/retro/scores", new { period = "2026-W47", caseId = sample[1].CaseId, reviewer = "dana", tone = 3, accuracy = 4, speed = 5 }, ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.PostAsJsonAsync("/api/kpi/retro/scores", new { period = "2026-W47", caseId = 99_999, reviewer = "dana", tone = 3, accuracy = 3, speed = 3 }, ct)).StatusCode);
            var retro = (await restarted.Http.GetFromJsonAsync<JsonObject>("/api/kpi/retro", ct))!;
            Assert.Equal("2026-W47", retro["period"]!.GetValue<string>());
            var point = retro["trend"]!.AsArray().Single()!;
            Assert.Equal(2, point["scores"]!.GetValue<int>());
            Assert.Equal(4, point["tone"]!.GetValue<double>());
            Assert.Equal(4, point["accuracy"]!.GetValue<double>());
            Assert.Equal(4, point["speed"]!.GetValue<double>());
        }

        var posts = await CardPostsAsync(db);
        Assert.Equal(new[] { ("kpi", "2026-W46"), ("kpi", "2026-W47"), ("retro", "2026-W47") }, posts.Select(p => (p.Kind, p.Period)).Order());
        var week47 = posts.Single(p => p.Kind == "kpi" && p.Period == "2026-W47").Payload;
        Assert.Contains("Weekly KPI snapshot", week47, StringComparison.Ordinal);
        Assert.Contains("AdaptiveCard", week47, StringComparison.Ordinal);
    }

    private async Task<TestHost> StartAsync(string db) =>
        await TestHost.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Switchboard:Analytics:SnapshotChannel:Connector"] = "playground",
                ["Switchboard:Analytics:SnapshotChannel:Channel"] = "team-leads",
                ["Switchboard:Analytics:SnapshotCheckSeconds"] = "3600",
            },
            builder => builder.Services.AddSingleton<TimeProvider>(_clock));

    private static async Task<List<(string Kind, string Period, string Payload)>> CardPostsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT card_kind, payload_json FROM outbox WHERE case_id IS NULL AND kind = 'card.post' ORDER BY id;";
        var posts = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var payload = reader.GetString(1);
            var period = System.Text.RegularExpressions.Regex.Match(payload, @"20\d\d-W\d\d").Value;
            posts.Add((reader.GetString(0), period, payload));
        }

        return posts;
    }
}
