using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Sending;

/// <summary>
/// Kills the real process between the commit and the outbox delivery, restarts it on the same database,
/// and checks every post is delivered exactly once.
/// </summary>
public sealed class OutboxCrashTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ProcessKilledBeforeDelivery_AfterRestart_DeliveredExactlyOnce()
    {
        var db = _folder.File("crash.db");
        var port = FreePort();

        // Run 1: the outbox sender is off, so committed posts wait in the outbox when the process is killed.
        using (var first = Start(db, port, outboxEnabled: false))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http);
            var playground = new PlaygroundClient(http);
            await playground.PostAsync("tg-community", "kim", "I was charged twice, refund please", "crash-1");
            await Eventually.TrueAsync(async () => await PendingAsync(db) >= 1, what: "the card to be committed to the outbox");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await FeedCountAsync(db, "card"));

        // Run 2: same database, sender on: the card is delivered once.
        using (var second = Start(db, port, outboxEnabled: true))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http);
            var playground = new PlaygroundClient(http);
            var card = await playground.CardInAsync("review-finance");

            // Approve, then kill before the reply can be delivered is racy; instead approve with run 3's sender off.
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(TestContext.Current.CancellationToken);
            using var third = Start(db, port, outboxEnabled: false);
            await WaitHealthyAsync(http);
            var approved = await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "dana");
            Assert.True((bool)approved["accepted"]!, approved.ToJsonString());
            await Eventually.TrueAsync(async () => await PendingAsync(db) >= 2, what: "reply and card update in the outbox");
            third.Kill(entireProcessTree: true);
            await third.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // Run 4 delivers the reply and the card update; run 5 finds nothing left to send.
        for (var run = 0; run < 2; run++)
        {
            using var process = Start(db, port, outboxEnabled: true);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http);
            await Eventually.TrueAsync(async () => await PendingAsync(db) == 0, what: "the outbox to drain");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // One card; one public reply and its DM half, each exactly once.
        Assert.Equal(1, await FeedCountAsync(db, "card"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT COUNT(*) FROM playground_posts WHERE kind = 'reply' AND channel_id = 'tg-community';"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT COUNT(*) FROM playground_posts WHERE kind = 'reply' AND channel_id = 'tg-dm';"));
    }

    private static System.Diagnostics.Process Start(string db, int port, bool outboxEnabled) =>
        SwitchboardProcess.Start(
            "serve",
            $"--urls=http://127.0.0.1:{port}",
            $"--Switchboard:Storage:SqlitePath={db}",
            $"--Switchboard:Outbox:Enabled={outboxEnabled}",
            "--Switchboard:Outbox:PollMilliseconds=50",
            "--Logging:LogLevel:Default=Warning");

    private static async Task WaitHealthyAsync(HttpClient http) =>
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return (await http.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the host to start");

    private static async Task<long> PendingAsync(string db) => await ScalarAsync(db, "SELECT COUNT(*) FROM outbox WHERE status = 'pending';");

    private static async Task<long> FeedCountAsync(string db, string kind) => await ScalarAsync(db, $"SELECT COUNT(*) FROM playground_posts WHERE kind = '{kind}';");

    private static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
