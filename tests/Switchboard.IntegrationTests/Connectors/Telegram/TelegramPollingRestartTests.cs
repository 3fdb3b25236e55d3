using Switchboard.Connectors.Telegram;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// Crash safety of long polling: the offset is saved only after the sink stored an update, so a "process" killed
/// between the store and the save redelivers that update to the next one, which the sink dedupes, and nothing is lost.
/// </summary>
public sealed class TelegramPollingRestartTests : IAsyncLifetime, IDisposable
{
    private const string Token = "400001:RestartTokenRestartTokenRestart";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-telegram-" + Guid.NewGuid().ToString("N"));
    private FakeBotApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeBotApi.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task ReceiveAsync_KilledBetweenStoreAndOffsetSave_NextRunRedeliversOnceAndLosesNothing()
    {
        var offsetFile = Path.Combine(_folder, "telegram-offset");
        var sink = new DurableSink();
        for (var i = 1; i <= 5; i++)
        {
            _api.AddPrivateMessage(5550 + i, "message " + i);
        }

        // Run 1: dies right after the third update is stored, before its offset is saved.
        var first = TelegramTestHost.Create(TelegramTestHost.Settings(_api.BaseUrl, Token), new KillableOffsetStore(new FileTelegramOffsetStore(offsetFile)));
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.AfterStore = message =>
        {
            if (message.Text == "message 3")
            {
                // The process dies here: after the store, before the offset save.
                first.Kill();
                killed.TrySetResult();
            }

            return Task.CompletedTask;
        };
        first.StartReceiving(sink);
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await first.DisposeAsync();
        sink.AfterStore = _ => Task.CompletedTask;

        Assert.Equal(["message 1", "message 2", "message 3"], sink.Stored.Select(m => m.Text));
        var savedOffset = await new FileTelegramOffsetStore(offsetFile).LoadAsync(TestContext.Current.CancellationToken);
        Assert.True(savedOffset is 1002, $"offset after run 1: {savedOffset}");

        // Run 2: a fresh connector with the same offset file and the same durable store.
        await using var second = TelegramTestHost.Create(TelegramTestHost.Settings(_api.BaseUrl, Token), new FileTelegramOffsetStore(offsetFile));
        second.StartReceiving(sink);
        _api.AddPrivateMessage(5556, "message 6");
        await sink.WaitForAsync(6);
        await second.StopReceivingAsync();

        Assert.Equal(Enumerable.Range(1, 6).Select(i => "message " + i), sink.Stored.Select(m => m.Text));
        Assert.Equal(1, sink.Duplicates);
        Assert.Equal(7, sink.Deliveries);
        Assert.Equal(1006, await new FileTelegramOffsetStore(offsetFile).LoadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReceiveAsync_StoreDownForAWhile_UpdateRetriedNotSkipped()
    {
        var store = new InMemoryTelegramOffsetStore();
        var sink = new DurableSink();
        var outages = 2;
        sink.BeforeStore = message => message.Text == "message 2" && Interlocked.Decrement(ref outages) >= 0
            ? throw new IOException("database is locked")
            : Task.CompletedTask;
        for (var i = 1; i <= 3; i++)
        {
            _api.AddPrivateMessage(5550 + i, "message " + i);
        }

        await using var host = TelegramTestHost.Create(TelegramTestHost.Settings(_api.BaseUrl, Token), store);
        host.StartReceiving(sink);
        await sink.WaitForAsync(3);
        await host.StopReceivingAsync();

        Assert.Equal(["message 1", "message 2", "message 3"], sink.Stored.Select(m => m.Text));
        Assert.Equal(0, sink.Duplicates);
        Assert.Equal(1003, await store.LoadAsync(TestContext.Current.CancellationToken));
    }
}
