using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.IntegrationTests.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>Bot commands through the fake Bot API: team chats run them, customer chats keep them as messages, setMyCommands at start.</summary>
public sealed class TelegramCommandTests : IAsyncLifetime
{
    private const string Token = "300001:CommandTokenCommandTokenCommandTo";
    private const long Lina = 7001;
    private readonly TempFolder _folder = new();
    private FakeBotApi _api = null!;
    private CampaignServices _campaigns = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync(TestContext.Current.CancellationToken);
        _campaigns = new CampaignServices(_folder.File("telegram-commands.db"), CampaignServices.GoLive.AddHours(-2));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    private TelegramTestHost Host() =>
        TelegramTestHost.Create(TelegramTestHost.Settings(_api.BaseUrl, Token),
            configure: s => s.AddSingleton(_campaigns.ChatCommands(($"telegram:{Lina}", ["campaign_ops"]))));

    private void AddCommand(long updateId, long chat, string chatType, long from, string text, int commandLength) => _api.AddUpdate($$"""
        {"update_id": {{updateId}}, "message": {"message_id": {{updateId + 10}}, "date": 1795000000,
          "from": {"id": {{from}}, "is_bot": false, "first_name": "Lina"}, "chat": {"id": {{chat}}, "type": "{{chatType}}", "title": "Ops"},
          "text": {{JsonSerializer.Serialize(text)}}, "entities": [{"type": "bot_command", "offset": 0, "length": {{commandLength}} }]} }
        """);

    [Fact]
    public async Task Command_InTeamChatWithBotName_RunsAsTheTelegramUserAndOpensNoCase()
    {
        AddCommand(6000, TelegramTestHost.TeamChat, "supergroup", Lina, "/campaign@fake_bot start maya-launch20", 17);
        var sink = new DurableSink();
        await using var host = Host();

        host.StartReceiving(sink);
        var run = await Eventually.GetAsync(() => _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken), what: "the launch run");

        Assert.Equal($"telegram:{Lina}", run.StartedBy);
        Assert.Equal(("telegram", TelegramTestHost.TeamChat.ToString(System.Globalization.CultureInfo.InvariantCulture)), (run.Channel.Connector, run.Channel.ChannelId));
        Assert.Single(await _campaigns.OutboxAsync()); // the checklist card, through the outbox
        Assert.Empty(sink.Stored);
    }

    [Fact]
    public async Task Command_ForAnotherBot_IgnoredNothingRunOrStored()
    {
        AddCommand(6000, TelegramTestHost.TeamChat, "supergroup", Lina, "/campaign@other_bot factsheet maya-launch20", 19);
        AddCommand(6001, TelegramTestHost.TeamChat, "supergroup", Lina, "/campaign list", 9);
        var sink = new DurableSink();
        await using var host = Host();

        host.StartReceiving(sink);
        await Eventually.TrueAsync(async () => (await _campaigns.OutboxAsync()).Count == 1, what: "the list card (the update after the ignored one)");

        Assert.DoesNotContain("factsheet", (await _campaigns.OutboxAsync())[0].Payload, StringComparison.Ordinal);
        Assert.Empty(sink.Stored);
    }

    [Fact]
    public async Task Command_WithoutTheRole_RefusalRepliedInTheChat()
    {
        AddCommand(6000, TelegramTestHost.TeamChat, "supergroup", 7002, "/campaign start maya-launch20", 9);
        await using var host = Host();

        host.StartReceiving(new DurableSink());
        var reply = await Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("sendMessage").FirstOrDefault()), what: "the refusal");

        Assert.Contains("campaign ops role", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal(6010, (long?)reply["reply_parameters"]?["message_id"]);
        Assert.Null(await _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Command_InCustomerChat_IngestedAsAnOrdinaryMessage()
    {
        AddCommand(6000, TelegramTestHost.CustomerGroup, "supergroup", 8001, "/campaign factsheet maya-launch20", 9);
        var sink = new DurableSink();
        await using var host = Host();

        host.StartReceiving(sink);
        await sink.WaitForAsync(1);

        Assert.Equal("/campaign factsheet maya-launch20", Assert.Single(sink.Stored).Text);
        Assert.Empty(await _campaigns.OutboxAsync());
    }

    [Fact]
    public async Task Receive_Start_SetMyCommandsScopedToEachTeamChat()
    {
        await using var host = Host();

        host.StartReceiving(new DurableSink());
        var call = await Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("setMyCommands").FirstOrDefault()), what: "setMyCommands");

        Assert.Equal(["campaign", "staffing"], call["commands"]!.AsArray().Select(c => (string)c!["command"]!));
        Assert.Equal(("chat", TelegramTestHost.TeamChat), ((string?)call["scope"]!["type"], (long)call["scope"]!["chat_id"]!));
    }

    [Fact]
    public async Task Pin_SentMessage_PinChatMessageQuietly()
    {
        await using var host = Host();
        var pinner = Assert.IsAssignableFrom<Core.Connectors.IMessagePinner>(host.Connector);

        await pinner.PinAsync(new Core.Connectors.PostedMessageRef("telegram", "-1003000", "77"), TestContext.Current.CancellationToken);

        var call = Assert.Single(_api.CallsTo("pinChatMessage"));
        Assert.Equal((-1003000L, 77L, true), ((long)call["chat_id"]!, (long)call["message_id"]!, (bool)call["disable_notification"]!));
    }
}
