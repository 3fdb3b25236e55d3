using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramConnectorTests : IDisposable
{
    private readonly StubBotApiHandler _api = new();
    private readonly ServiceProvider _services;
    private readonly IChatConnector _connector;

    public TelegramConnectorTests()
    {
        _services = TelegramTestServices.Build(_api, configure: s => s["Switchboard:Connectors:Telegram:MaxDownloadBytes"] = "1000");
        _connector = _services.GetRequiredService<IChatConnector>();
    }

    [Fact]
    public void Registration_ConnectorIsNamedTelegram() => Assert.Equal("telegram", _connector.Name);

    [Fact]
    public async Task PostCardAsync_IntoForumTopic_SendsHtmlWithKeyboard()
    {
        var posted = await _connector.PostCardAsync(
            new ChannelAddress("telegram", "-1002000", "15"),
            Card("""{"type":"Action.Execute","title":"Approve","data":{"token":"tok1"}}"""),
            TestContext.Current.CancellationToken);

        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(-1002000, (long)sent["chat_id"]!);
        Assert.Equal(15, (long)sent["message_thread_id"]!);
        Assert.Equal("HTML", (string)sent["parse_mode"]!);
        Assert.Equal("sb:tok1", (string)sent["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!);
        Assert.Equal(new PostedMessageRef("telegram", "-1002000", "501"), posted);
    }

    [Fact]
    public async Task UpdateCardAsync_IdenticalContent_TreatedAsSuccessAndButtonsRemoved()
    {
        _api.Respond = (method, _) => method == "editMessageText"
            ? StubBotApiHandler.Json(HttpStatusCode.BadRequest, """{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"}""")
            : null;

        await _connector.UpdateCardAsync(new PostedMessageRef("telegram", "-1002000", "501"), Card(null), TestContext.Current.CancellationToken);

        var edit = Assert.Single(_api.CallsTo("editMessageText"));
        Assert.Equal(501, (long)edit["message_id"]!);
        Assert.Empty(edit["reply_markup"]!["inline_keyboard"]!.AsArray());
    }

    [Fact]
    public async Task SendReplyAsync_Public_RepliesInGroupThread()
    {
        await _connector.SendReplyAsync(
            new ReplyTarget("telegram", "-1003000", "-1003000", "reply:40", IsPublic: true, "-1003000:45", "5551"),
            "We're on it.",
            TestContext.Current.CancellationToken);

        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(-1003000, (long)sent["chat_id"]!);
        Assert.Equal(45, (long)sent["reply_parameters"]!["message_id"]!);
        Assert.Null(sent["message_thread_id"]);
        Assert.Null(sent["parse_mode"]);
    }

    [Fact]
    public async Task SendReplyAsync_PrivateForGroupMessage_GoesToTheUsersDmWithoutReplyReference()
    {
        await _connector.SendReplyAsync(
            new ReplyTarget("telegram", "-1003000", "-1003000", "77", IsPublic: false, "-1003000:45", "5551"),
            "Sent you the details privately.",
            TestContext.Current.CancellationToken);

        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(5551, (long)sent["chat_id"]!);
        Assert.Null(sent["reply_parameters"]);
        Assert.Null(sent["message_thread_id"]);
    }

    [Fact]
    public async Task SendReplyAsync_LongText_SplitIntoSeveralMessages()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(new string('a', 3000), 3));

        var posted = await _connector.SendReplyAsync(
            new ReplyTarget("telegram", "5551", "5551", null, IsPublic: false, "5551:9", "5551"),
            text,
            TestContext.Current.CancellationToken);

        var sent = _api.CallsTo("sendMessage").ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal(9, (long)sent[0]["reply_parameters"]!["message_id"]!);
        Assert.Null(sent[1]["reply_parameters"]);
        Assert.Equal("501", posted.PlatformMessageId);
    }

    [Fact]
    public async Task SendReplyAsync_RateLimited_ThrowsRetryAfterAndPausesSends()
    {
        _api.Respond = (method, _) => method == "sendMessage"
            ? StubBotApiHandler.Json(HttpStatusCode.TooManyRequests, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""")
            : null;

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _connector.SendReplyAsync(
            new ReplyTarget("telegram", "5551", "5551", null, false, null, "5551"), "hi", TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.RateLimited, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.InRange(_services.GetRequiredService<TelegramSendPacer>().PauseRemaining(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SendReplyAsync_EmptyText_InvalidWithoutCall()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _connector.SendReplyAsync(
            new ReplyTarget("telegram", "5551", "5551", null, false, null, "5551"), "  ", TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, error.Failure);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task PostCardAsync_TokenTooLongForTelegram_InvalidNotRetryable()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _connector.PostCardAsync(
            new ChannelAddress("telegram", "-1002000"),
            Card($$"""{"type":"Action.Execute","title":"Approve","data":{"token":"{{new string('t', 70)}}"} }"""),
            TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_DeclaredTooLarge_RefusedBeforeAnyCall()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _connector.DownloadAttachmentAsync(
            new Attachment(AttachmentKinds.Voice, "file-1", "audio/ogg", SizeBytes: 5000), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, error.Failure);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task Calls_NeverPutTheTokenAnywhereButThePath()
    {
        await _connector.SendReplyAsync(new ReplyTarget("telegram", "5551", "5551", null, false, null, "5551"), "hi", TestContext.Current.CancellationToken);

        var uri = Assert.Single(_api.Uris);
        Assert.Equal($"/bot{TelegramTestServices.Token}/sendMessage", uri.AbsolutePath);
        Assert.Empty(uri.Query);
        Assert.DoesNotContain(_api.Calls, c => c.Body.ToJsonString().Contains(TelegramTestServices.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceiveAsync_TokenRevoked_StopsWithAuthFailure()
    {
        _api.Respond = (method, _) => method == "getUpdates"
            ? StubBotApiHandler.Json(HttpStatusCode.Unauthorized, """{"ok": false, "error_code": 401, "description": "Unauthorized"}""")
            : null;

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _connector.ReceiveAsync(new RecordingSink(), TestContext.Current.CancellationToken))
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorFailure.Auth, error.Failure);
        Assert.Single(_api.CallsTo("getUpdates"));
    }

    public void Dispose() => _services.Dispose();

    private static CardPayload Card(string? action) => new(
        "review",
        JsonNode.Parse($$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Case 42"}],"actions":[{{action}}]}""")!.AsObject(),
        "Case 42");
}
