using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>Failures the emulator cannot produce, served by a loopback fake Bot API.</summary>
public sealed class TelegramFaultInjectionTests : IAsyncLifetime
{
    private const string Token = "200001:FaultTokenFaultTokenFaultTokenFa";
    private static readonly ReplyTarget Dm = new("telegram", "5551", "5551", null, false, null, "5551");

    private FakeBotApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeBotApi.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task SendReplyAsync_429WithRetryAfter_RateLimitedAndNextSendWaits()
    {
        var ct = TestContext.Current.CancellationToken;
        var limited = 1;
        _api.Fault = (method, _) => Task.FromResult(method == "sendMessage" && Interlocked.Exchange(ref limited, 0) == 1
            ? FakeBotApi.Error(429, "Too Many Requests: retry after 1", retryAfter: 1)
            : null);
        await using var host = Host();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(Dm, "hi", ct));
        await host.Connector.SendReplyAsync(Dm, "hi again", ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal(ConnectorFailure.RateLimited, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        var sends = _api.Calls.Where(c => c.Method == "sendMessage").Select(c => c.At).ToList();
        Assert.Equal(2, sends.Count);

        // The bot-wide pause held the second send back instead of tripping another 429.
        Assert.True(sends[1] - sends[0] >= TimeSpan.FromMilliseconds(900), $"second send after {sends[1] - sends[0]}");
    }

    [Fact]
    public async Task SendReplyAsync_ConcurrentSendsIntoOneChat_PacedOnePerSecond()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = Host(s => s["Switchboard:Connectors:Telegram:PerChatMessagesPerSecond"] = "1");

        // Warm the connection through another chat, so connection setup does not skew arrival times.
        await host.Connector.SendReplyAsync(Dm with { ConversationId = "9999", RecipientId = "9999" }, "warm-up", ct);
        while (_api.Calls.TryDequeue(out _))
        {
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => host.Connector.SendReplyAsync(Dm, "part " + i, ct)))
            .WaitAsync(TimeSpan.FromSeconds(15), ct);

        var sends = _api.Calls.Where(c => c.Method == "sendMessage").Select(c => c.At).Order().ToList();
        Assert.Equal(3, sends.Count);
        // The pacer spaces send starts by 1 s; arrival times jitter a little around that.
        Assert.True(sends[1] - sends[0] >= TimeSpan.FromMilliseconds(800), $"gap {sends[1] - sends[0]}");
        Assert.True(sends[2] - sends[1] >= TimeSpan.FromMilliseconds(800), $"gap {sends[2] - sends[1]}");
    }

    [Fact]
    public async Task SendReplyAsync_GroupMigratedToSupergroup_InvalidNamingTheNewChat()
    {
        _api.Fault = (_, _) => Task.FromResult<IResult?>(Results.Json(
            System.Text.Json.Nodes.JsonNode.Parse("""{"ok": false, "error_code": 400, "description": "Bad Request: group chat was upgraded to a supergroup chat", "parameters": {"migrate_to_chat_id": -1001999888777}}"""),
            statusCode: 400));
        await using var host = Host();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(
            new ReplyTarget("telegram", "-4001", "-4001", null, true, null, "5551"), "hi", TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, error.Failure);
        Assert.Contains("-1001999888777", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReplyAsync_ServerError_Transient()
    {
        _api.Fault = (_, _) => Task.FromResult<IResult?>(Results.Text("<html>Bad Gateway</html>", "text/html", statusCode: 502));
        await using var host = Host();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(Dm, "hi", TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Transient, error.Failure);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task SendReplyAsync_SlowServer_TimesOutAsTransient()
    {
        _api.Fault = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
            return null;
        };
        await using var host = Host(s => s["Switchboard:Connectors:Telegram:RequestTimeoutSeconds"] = "1");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(Dm, "hi", TestContext.Current.CancellationToken))
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(ConnectorFailure.Transient, error.Failure);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReplyAsync_Forbidden_AuthFailure()
    {
        _api.Fault = (_, _) => Task.FromResult<IResult?>(FakeBotApi.Error(403, "Forbidden: bot was blocked by the user"));
        await using var host = Host();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(Dm, "hi", TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Auth, error.Failure);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_VoiceNote_GetFileThenDownload()
    {
        var ct = TestContext.Current.CancellationToken;
        var ogg = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        _api.Files["AwACAgIAAxkBAAIB"] = ogg;

        // One transient failure on getFile is retried inside the client.
        var failures = 1;
        _api.Fault = (method, _) => Task.FromResult(method == "getFile" && Interlocked.Exchange(ref failures, 0) == 1
            ? FakeBotApi.Error(502, "Bad Gateway")
            : null);
        await using var host = Host();

        var file = await host.Connector.DownloadAttachmentAsync(
            new Attachment(AttachmentKinds.Voice, "AwACAgIAAxkBAAIB", "audio/ogg", 3000, 7), ct);

        Assert.Equal(ogg, file.Content);
        Assert.Equal("audio/ogg", file.MimeType);
        Assert.Equal(2, _api.CallsTo("getFile").Count());
    }

    [Fact]
    public async Task DownloadAttachmentAsync_BodyOverLimit_RefusedWhileReading()
    {
        _api.Files["big"] = new byte[5000];
        _api.ReportedFileSize = 10;
        await using var host = Host(s => s["Switchboard:Connectors:Telegram:MaxDownloadBytes"] = "4096");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.DownloadAttachmentAsync(
            new Attachment(AttachmentKinds.Voice, "big"), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, error.Failure);
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_DeclaredSizeOverLimit_RefusedBeforeDownload()
    {
        _api.Files["huge"] = new byte[10];
        _api.ReportedFileSize = 30L * 1024 * 1024;
        await using var host = Host();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.DownloadAttachmentAsync(
            new Attachment(AttachmentKinds.Audio, "huge"), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, error.Failure);
    }

    [Fact]
    public async Task ReceiveAsync_PollFailsWithServerErrors_KeepsPollingAndLosesNothing()
    {
        var failures = 2;
        _api.Fault = (method, _) => Task.FromResult(method == "getUpdates" && Interlocked.Decrement(ref failures) >= 0
            ? FakeBotApi.Error(500, "Internal Server Error")
            : null);
        _api.AddPrivateMessage(5551, "first");
        _api.AddPrivateMessage(5552, "second");
        var sink = new DurableSink();
        await using var host = Host();

        host.StartReceiving(sink);
        await sink.WaitForAsync(2);

        Assert.Equal(["first", "second"], sink.Stored.Select(m => m.Text));
        Assert.True(_api.CallsTo("getUpdates").Count() >= 3);
    }

    [Fact]
    public async Task ReceiveAsync_VoiceNote_IngestedWithAttachmentThatDownloads()
    {
        var ct = TestContext.Current.CancellationToken;
        var ogg = "OggS fake opus payload"u8.ToArray();
        _api.Files["AwACAgIAAxkBAAIBv"] = ogg;
        _api.AddUpdate("""
            {"update_id": 5000, "message": {"message_id": 41, "date": 1795000000,
              "from": {"id": 5551, "is_bot": false, "first_name": "Mia"}, "chat": {"id": 5551, "type": "private"},
              "voice": {"file_id": "AwACAgIAAxkBAAIBv", "file_unique_id": "AgADv", "duration": 4, "mime_type": "audio/ogg", "file_size": 22}}}
            """);
        var sink = new DurableSink();
        await using var host = Host();

        host.StartReceiving(sink);
        await sink.WaitForAsync(1);
        var message = Assert.Single(sink.Stored);
        var voice = Assert.Single(message.Attachments);
        var file = await host.Connector.DownloadAttachmentAsync(voice, ct);

        Assert.True(message.HasVoice);
        Assert.Equal(string.Empty, message.Text);
        Assert.Equal(ogg, file.Content);
        Assert.Equal("audio/ogg", file.MimeType);
    }

    [Fact]
    public async Task ReceiveAsync_WebhookMode_RegistersUrlAndSecret()
    {
        await using var host = Host(s =>
        {
            s["Switchboard:Connectors:Telegram:Mode"] = "Webhook";
            s["Switchboard:Connectors:Telegram:WebhookUrl"] = "https://bot.example.com/telegram/webhook";
            s["Switchboard:Connectors:Telegram:WebhookSecret"] = "hook_secret-123";
        });

        host.StartReceiving(new DurableSink());
        for (var i = 0; i < 100 && !_api.CallsTo("setWebhook").Any(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var call = Assert.Single(_api.CallsTo("setWebhook"));
        Assert.Equal("https://bot.example.com/telegram/webhook", (string)call["url"]!);
        Assert.Equal("hook_secret-123", (string)call["secret_token"]!);
        Assert.Empty(_api.CallsTo("getUpdates"));
    }

    private TelegramTestHost Host(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = TelegramTestHost.Settings(_api.BaseUrl, Token);
        configure?.Invoke(settings);
        return TelegramTestHost.Create(settings);
    }
}
