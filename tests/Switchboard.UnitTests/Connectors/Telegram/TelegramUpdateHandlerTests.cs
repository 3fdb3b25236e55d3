using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramUpdateHandlerTests : IDisposable
{
    private readonly StubBotApiHandler _api = new();
    private readonly RecordingSink _sink = new();
    private readonly ServiceProvider _services;
    private readonly TelegramUpdateHandler _handler;

    public TelegramUpdateHandlerTests()
    {
        _services = TelegramTestServices.Build(_api);
        _handler = _services.GetRequiredService<TelegramUpdateHandler>();
    }

    [Fact]
    public async Task HandleAsync_PrivateMessage_IsIngested()
    {
        await _handler.HandleAsync(Parse("""
            {"update_id": 1, "message": {"message_id": 3, "date": 1795000000,
              "from": {"id": 5551, "is_bot": false, "first_name": "Mia"}, "chat": {"id": 5551, "type": "private"}, "text": "hi"}}
            """), _sink, TestContext.Current.CancellationToken);

        Assert.Equal("5551:3", Assert.Single(_sink.Messages).PlatformMessageId);
    }

    [Fact]
    public async Task HandleAsync_GroupNotConfigured_IsIgnored()
    {
        await _handler.HandleAsync(Parse("""
            {"update_id": 2, "message": {"message_id": 3, "date": 1795000000,
              "from": {"id": 5551, "is_bot": false, "first_name": "Mia"}, "chat": {"id": -99, "type": "group"}, "text": "hi"}}
            """), _sink, TestContext.Current.CancellationToken);

        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public async Task HandleAsync_MessageFromBot_IsIgnored()
    {
        await _handler.HandleAsync(Parse($$$"""
            {"update_id": 3, "message": {"message_id": 3, "date": 1795000000,
              "from": {"id": 77, "is_bot": true, "first_name": "Other bot"}, "chat": {"id": {{{TelegramTestServices.CustomerGroup}}}, "type": "supergroup"}, "text": "spam"}}
            """), _sink, TestContext.Current.CancellationToken);

        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public async Task HandleAsync_ApproveCallbackInTeamChat_RunsActionAndAnswersWithResult()
    {
        await _handler.HandleAsync(Callback("cb-1", "sb:tokApprove", TelegramTestServices.TeamChat), _sink, TestContext.Current.CancellationToken);

        var action = Assert.Single(_sink.Actions);
        Assert.Equal(new CardActionRequest("tokApprove", "7001", "@dana_ops", "telegram"), action);
        var answer = Assert.Single(_api.CallsTo("answerCallbackQuery"));
        Assert.Equal("cb-1", (string)answer["callback_query_id"]!);
        Assert.Equal("Approved. The reply is on its way.", (string)answer["text"]!);
        Assert.False((bool)answer["show_alert"]!);
    }

    [Fact]
    public async Task HandleAsync_RefusedAction_AnswersWithAlert()
    {
        _sink.OnAction = (_, _) => Task.FromResult(CardActionResult.Refused("Already approved by @lee."));

        await _handler.HandleAsync(Callback("cb-2", "sb:tokApprove", TelegramTestServices.TeamChat), _sink, TestContext.Current.CancellationToken);

        var answer = Assert.Single(_api.CallsTo("answerCallbackQuery"));
        Assert.Equal("Already approved by @lee.", (string)answer["text"]!);
        Assert.True((bool)answer["show_alert"]!);
    }

    [Fact]
    public async Task HandleAsync_ActionThrows_ReviewerToldAndUpdateCountsAsHandled()
    {
        _sink.OnAction = (_, _) => throw new InvalidOperationException("database is locked");

        await _handler.HandleAsync(Callback("cb-9", "sb:tokApprove", TelegramTestServices.TeamChat), _sink, TestContext.Current.CancellationToken);

        var answer = Assert.Single(_api.CallsTo("answerCallbackQuery"));
        Assert.Equal("That did not work; please try again.", (string)answer["text"]!);
        Assert.True((bool)answer["show_alert"]!);
    }

    [Fact]
    public async Task HandleAsync_CallbackOutsideTeamChats_IsRefusedWithoutAction()
    {
        await _handler.HandleAsync(Callback("cb-3", "sb:tokApprove", TelegramTestServices.CustomerGroup), _sink, TestContext.Current.CancellationToken);

        Assert.Empty(_sink.Actions);
        Assert.Equal("This chat is not a review channel.", (string)Assert.Single(_api.CallsTo("answerCallbackQuery"))["text"]!);
    }

    [Fact]
    public async Task HandleAsync_SlowAction_AnsweredBeforeItFinishes()
    {
        var release = new TaskCompletionSource<CardActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sink.OnAction = (_, _) => release.Task;
        using var services = TelegramTestServices.Build(_api, configure: s => s["Switchboard:Connectors:Telegram:CallbackAnswerSeconds"] = "1");
        var handler = services.GetRequiredService<TelegramUpdateHandler>();

        var handling = handler.HandleAsync(Callback("cb-4", "sb:tokSlow", TelegramTestServices.TeamChat), _sink, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _api.CallsTo("answerCallbackQuery").Any());

        Assert.False(handling.IsCompleted);
        Assert.Equal("Working on it…", (string)Assert.Single(_api.CallsTo("answerCallbackQuery"))["text"]!);
        release.SetResult(CardActionResult.Refused("Already approved by @lee."));
        await handling.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Single(_api.CallsTo("answerCallbackQuery"));

        // The late refusal reaches the reviewer as a reply to the card.
        var note = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal("@dana_ops: Already approved by @lee.", (string)note["text"]!);
        Assert.Equal(300, (long)note["reply_parameters"]!["message_id"]!);
    }

    [Fact]
    public async Task HandleAsync_EditThenReviewerReply_SendsEditedTextAsAction()
    {
        var ct = TestContext.Current.CancellationToken;

        await _handler.HandleAsync(Callback("cb-5", "sbe:tokEdit", TelegramTestServices.TeamChat), _sink, ct);
        var prompt = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.True((bool)prompt["reply_markup"]!["force_reply"]!);
        Assert.Equal(300, (long)prompt["reply_parameters"]!["message_id"]!);
        Assert.Empty(_sink.Actions);

        // Someone else talking in the team chat does not complete Dana's edit.
        await _handler.HandleAsync(TeamMessage(10, userId: 7002, "lol"), _sink, ct);
        Assert.Empty(_sink.Actions);

        await _handler.HandleAsync(TeamMessage(11, userId: 7001, "Sorry Mia, a courier will call you today."), _sink, ct);

        var action = Assert.Single(_sink.Actions);
        Assert.Equal("tokEdit", action.Token);
        Assert.Equal("Sorry Mia, a courier will call you today.", action.EditedText);
        Assert.Empty(_sink.Messages);

        // A second message is ordinary chatter again.
        await _handler.HandleAsync(TeamMessage(12, userId: 7001, "thanks"), _sink, ct);
        Assert.Single(_sink.Actions);
    }

    [Fact]
    public async Task HandleAsync_RetagThenIntentPressed_RunsRetagWithTheIntent()
    {
        var ct = TestContext.Current.CancellationToken;

        await _handler.HandleAsync(Callback("cb-6", "sbr:tokRetag", TelegramTestServices.TeamChat), _sink, ct);
        var chooser = Assert.Single(_api.CallsTo("sendMessage"));
        var buttons = chooser["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).ToList();
        Assert.Equal(Switchboard.Core.Triage.Intents.All, buttons.Select(b => (string)b!["text"]!));
        Assert.Contains(buttons, b => (string)b!["callback_data"]! == "sbi:tokRetag:billing");
        Assert.Empty(_sink.Actions);

        await _handler.HandleAsync(Callback("cb-7", "sbi:tokRetag:billing", TelegramTestServices.TeamChat), _sink, ct);

        var action = Assert.Single(_sink.Actions);
        Assert.Equal("tokRetag", action.Token);
        Assert.Equal("billing", action.NewIntent);
        Assert.Empty(Assert.Single(_api.CallsTo("editMessageReplyMarkup"))["reply_markup"]!["inline_keyboard"]!.AsArray());
    }

    public void Dispose() => _services.Dispose();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    private static TelegramUpdate Callback(string id, string data, long chatId) => Parse($$$"""
        {"update_id": 50, "callback_query": {"id": "{{{id}}}", "chat_instance": "1", "data": "{{{data}}}",
          "from": {"id": 7001, "is_bot": false, "first_name": "Dana", "username": "dana_ops"},
          "message": {"message_id": 300, "date": 1795000000, "chat": {"id": {{{chatId}}}, "type": "supergroup"}, "text": "card"} }}
        """);

    private static TelegramUpdate TeamMessage(long id, long userId, string text) => Parse($$$"""
        {"update_id": {{{id}}}, "message": {"message_id": {{{id}}}, "date": 1795000000,
          "from": {"id": {{{userId}}}, "is_bot": false, "first_name": "Reviewer"},
          "chat": {"id": {{{TelegramTestServices.TeamChat}}}, "type": "supergroup"}, "text": "{{{text}}}"}}
        """);

    private static TelegramUpdate Parse(string json) => JsonSerializer.Deserialize<TelegramUpdate>(json, TelegramJson.Options)!;
}
