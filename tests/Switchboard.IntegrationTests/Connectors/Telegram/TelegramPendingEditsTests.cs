using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>An Edit pressed before a restart is still open after it: the pending force-reply lives in SQLite.</summary>
public sealed class TelegramPendingEditsTests : IAsyncLifetime
{
    private const string Token = "500001:PendingEditTokenPendingEditToken";
    private const long Reviewer = 2001;
    private readonly TempFolder _folder = new();
    private FakeBotApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeBotApi.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EditPressedBeforeRestart_ReplyAfterRestart_RunsTheEditWithTheText()
    {
        var offsets = new InMemoryTelegramOffsetStore();
        var sink = new DurableSink();
        await using (var first = Host(offsets))
        {
            first.StartReceiving(sink);
            _api.AddCallbackQuery(TelegramTestHost.TeamChat, 701, Reviewer, "dana", TelegramCardRenderer.EditPrefix + "tok-edit-9");
            await Eventually.TrueAsync(
                () => Task.FromResult(_api.CallsTo("sendMessage").Any(m => m["reply_markup"]?["force_reply"] is not null)),
                what: "the force-reply prompt");
        }

        await using var second = Host(offsets);
        second.StartReceiving(sink);
        _api.AddGroupMessage(TelegramTestHost.TeamChat, Reviewer, "dana", "Refund issued, 3-5 days to show up.");

        var action = await Eventually.GetAsync(() => Task.FromResult(sink.Actions.FirstOrDefault()), what: "the edit to run");
        Assert.Equal("tok-edit-9", action.Token);
        Assert.Equal("Refund issued, 3-5 days to show up.", action.EditedText);
        Assert.Empty(sink.Stored);
    }

    private TelegramTestHost Host(ITelegramOffsetStore offsets)
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = _folder.File("edits.db") }), NullLogger<SqliteDatabase>.Instance);
        return TelegramTestHost.Create(
            TelegramTestHost.Settings(_api.BaseUrl, Token),
            offsets,
            services => services.AddSingleton<IPendingEditStore>(new SqlitePendingEditStore(database)));
    }
}
