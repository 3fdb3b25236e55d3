using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Telegram;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// The whole loop against telegram-test-api: a customer writes, the connector ingests, a review card lands in the
/// team chat, a reviewer presses a button, and the reply reaches the customer's chat.
/// </summary>
public sealed class TelegramEmulatorLoopTests : IAsyncLifetime
{
    private const long Customer = 1001;
    private const long Reviewer = 2001;

    private TelegramEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TelegramEmulator.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task CustomerMessage_ApprovedOnCard_ReplyReachesCustomer()
    {
        var ct = TestContext.Current.CancellationToken;
        const string token = "100001:LoopApproveTokenLoopApproveToken";
        await using var host = TelegramTestHost.Create(TelegramTestHost.Settings(_emulator.BaseUrl, token));
        var sink = new ReviewLoopSink(host.Connector, TelegramTestHost.TeamChat);
        host.StartReceiving(sink);

        await _emulator.SendUserMessageAsync(token, Customer, "mia_k", Customer, "private", "Where is my order #4411? <urgent>", ct);

        var card = await _emulator.WaitForBotMessageAsync(token, TelegramTestHost.TeamChat, _ => true, ct);
        var sent = card["message"]!;
        Assert.Equal("HTML", (string)sent["parse_mode"]!);
        Assert.Contains("Where is my order #4411? &lt;urgent&gt;", (string)sent["text"]!, StringComparison.Ordinal);
        var buttons = sent["reply_markup"]!["inline_keyboard"]![0]!.AsArray();
        Assert.Equal(TelegramCardRenderer.ActionPrefix + "tok-approve-1", (string)buttons[0]!["callback_data"]!);
        Assert.Equal(TelegramCardRenderer.EditPrefix + "tok-edit-1", (string)buttons[1]!["callback_data"]!);
        var stored = Assert.Single(sink.Ingested);
        Assert.Equal("1001", stored.ConversationId);
        Assert.False(stored.IsPublic);

        await _emulator.PressButtonAsync(token, Reviewer, "dana", TelegramTestHost.TeamChat, (long)card["messageId"]!, (string)buttons[0]!["callback_data"]!, ct);

        var reply = await _emulator.WaitForBotMessageAsync(token, Customer, _ => true, ct);
        Assert.Equal(ReviewLoopSink.Draft, (string)reply["message"]!["text"]!);
        Assert.Equal(stored.PlatformMessageId.Split(':')[1], reply["message"]!["reply_parameters"]!["message_id"]!.ToString());
        var action = Assert.Single(sink.Actions);
        Assert.Equal("tok-approve-1", action.Token);
        Assert.Equal("@dana", action.ActorHandle);

        // The card is edited in place: decided text, buttons gone.
        var decided = await _emulator.WaitForBotMessageAsync(
            token, TelegramTestHost.TeamChat, m => ((string?)m["message"]!["text"])?.StartsWith("Approved by @dana", StringComparison.Ordinal) == true, ct);
        Assert.Equal(card["messageId"]!.ToString(), decided["messageId"]!.ToString());
        Assert.Empty(decided["message"]!["reply_markup"]!["inline_keyboard"]!.AsArray());
    }

    [Fact]
    public async Task EditOnCard_ReviewerForceReply_EditedTextReachesCustomer()
    {
        var ct = TestContext.Current.CancellationToken;
        const string token = "100002:LoopEditTokenLoopEditTokenLoopEdit";
        await using var host = TelegramTestHost.Create(TelegramTestHost.Settings(_emulator.BaseUrl, token));
        var sink = new ReviewLoopSink(host.Connector, TelegramTestHost.TeamChat);
        host.StartReceiving(sink);

        await _emulator.SendUserMessageAsync(token, Customer, "mia_k", Customer, "private", "refund please", ct);
        var card = await _emulator.WaitForBotMessageAsync(token, TelegramTestHost.TeamChat, _ => true, ct);
        await _emulator.PressButtonAsync(token, Reviewer, "dana", TelegramTestHost.TeamChat, (long)card["messageId"]!, TelegramCardRenderer.EditPrefix + "tok-edit-1", ct);

        var prompt = await _emulator.WaitForBotMessageAsync(
            token, TelegramTestHost.TeamChat, m => m["message"]!["reply_markup"]?["force_reply"] is not null, ct);
        Assert.Equal(card["messageId"]!.ToString(), prompt["message"]!["reply_parameters"]!["message_id"]!.ToString());

        await _emulator.SendUserMessageAsync(token, Reviewer, "dana", TelegramTestHost.TeamChat, "supergroup", "Refund issued, 3-5 days to show up.", ct);

        var reply = await _emulator.WaitForBotMessageAsync(token, Customer, _ => true, ct);
        Assert.Equal("Refund issued, 3-5 days to show up.", (string)reply["message"]!["text"]!);
        var action = Assert.Single(sink.Actions);
        Assert.Equal("tok-edit-1", action.Token);
        Assert.Equal("Refund issued, 3-5 days to show up.", action.EditedText);
        Assert.Single(sink.Ingested);
    }

    [Fact]
    public async Task GroupMessage_PublicReply_StaysInGroupThread()
    {
        var ct = TestContext.Current.CancellationToken;
        const string token = "100003:LoopGroupTokenLoopGroupTokenLoopG";
        await using var host = TelegramTestHost.Create(TelegramTestHost.Settings(_emulator.BaseUrl, token));
        var sink = new ReviewLoopSink(host.Connector, TelegramTestHost.TeamChat);
        host.StartReceiving(sink);

        await _emulator.SendUserMessageAsync(token, Customer, "mia_k", TelegramTestHost.CustomerGroup, "supergroup", "is checkout down for everyone?", ct);
        var card = await _emulator.WaitForBotMessageAsync(token, TelegramTestHost.TeamChat, _ => true, ct);
        await _emulator.PressButtonAsync(token, Reviewer, "dana", TelegramTestHost.TeamChat, (long)card["messageId"]!, TelegramCardRenderer.ActionPrefix + "tok-approve-1", ct);

        var reply = await _emulator.WaitForBotMessageAsync(token, TelegramTestHost.CustomerGroup, _ => true, ct);
        Assert.True(Assert.Single(sink.Ingested).IsPublic);
        Assert.Equal(ReviewLoopSink.Draft, (string)reply["message"]!["text"]!);
        Assert.NotNull(reply["message"]!["reply_parameters"]);
        Assert.Empty(await _emulator.BotMessagesAsync(token, Customer, ct));
    }
}
