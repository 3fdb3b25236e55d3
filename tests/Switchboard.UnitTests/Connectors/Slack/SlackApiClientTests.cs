using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackApiClientTests
{
    [Fact]
    public async Task CallAsync_Ok_SendsBearerTokenAndJson()
    {
        var stub = new StubSlackHandler((_, _) => StubSlackHandler.Json("""{"ok":true,"channel":"C1","ts":"1.2"}"""));

        var response = await Client(stub).PostMessageAsync("C1", "hi", null, "1.0", TestContext.Current.CancellationToken);

        var (request, body) = Assert.Single(stub.Calls);
        Assert.Equal("https://slack.test/api/chat.postMessage", request.RequestUri!.ToString());
        Assert.Equal("Bearer xoxb-test", request.Headers.Authorization!.ToString());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"channel":"C1","text":"hi","unfurl_links":false,"unfurl_media":false,"thread_ts":"1.0"}"""),
            JsonNode.Parse(body)));
        Assert.Equal("1.2", (string?)response["ts"]);
    }

    [Theory]
    [InlineData("invalid_auth", ConnectorFailure.Auth)]
    [InlineData("missing_scope", ConnectorFailure.Auth)]
    [InlineData("channel_not_found", ConnectorFailure.NotFound)]
    [InlineData("internal_error", ConnectorFailure.Transient)]
    [InlineData("ratelimited", ConnectorFailure.RateLimited)]
    [InlineData("invalid_blocks", ConnectorFailure.Invalid)]
    [InlineData("expired_trigger_id", ConnectorFailure.Invalid)]
    public async Task CallAsync_OkFalse_ThrowsMappedConnectorException(string error, ConnectorFailure expected)
    {
        var stub = new StubSlackHandler((_, _) => StubSlackHandler.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).CallAsync("chat.update", [], TestContext.Current.CancellationToken));

        Assert.Equal(expected, ex.Failure);
        Assert.Contains(error, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.BadGateway, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.Unauthorized, ConnectorFailure.Auth)]
    [InlineData(HttpStatusCode.NotFound, ConnectorFailure.NotFound)]
    public async Task CallAsync_HttpError_ThrowsMappedConnectorException(HttpStatusCode status, ConnectorFailure expected)
    {
        var stub = new StubSlackHandler((_, _) => new HttpResponseMessage(status));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).CallAsync("chat.update", [], TestContext.Current.CancellationToken));

        Assert.Equal(expected, ex.Failure);
        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task CallAsync_429LongerThanInlineLimit_ThrowsRateLimitedWithRetryAfter()
    {
        var stub = new StubSlackHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120));
            return response;
        });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(stub).CallAsync("chat.update", [], TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.RateLimited, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.True(ex.IsRetryable);
        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task OpenConnectionAsync_UsesTheAppToken()
    {
        var stub = new StubSlackHandler((_, _) => StubSlackHandler.Json("""{"ok":true,"url":"wss://wss.slack.test/link/?ticket=1"}"""));

        var url = await Client(stub).OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wss://wss.slack.test/link/?ticket=1", url.ToString());
        Assert.Equal("Bearer xapp-test", stub.Calls[0].Request.Headers.Authorization!.ToString());
        Assert.EndsWith("/apps.connections.open", stub.Calls[0].Request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadFileAsync_SlackFileHost_SendsTokenAndReturnsBytes()
    {
        var stub = new StubSlackHandler((_, _) => Bytes([1, 2, 3], "audio/mp4"));

        var file = await Client(stub).DownloadFileAsync(new Uri("https://files.slack.com/files-pri/T1-F1/download/a.m4a"), "a.m4a", TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], file.Content);
        Assert.Equal("audio/mp4", file.MimeType);
        Assert.Equal("Bearer xoxb-test", stub.Calls[0].Request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task DownloadFileAsync_ForeignHost_RefusedWithoutSendingTheToken()
    {
        var stub = new StubSlackHandler((_, _) => Bytes([1], "audio/mp4"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(stub).DownloadFileAsync(new Uri("https://evil.example/steal"), null, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, ex.Failure);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task DownloadFileAsync_RedirectToForeignHost_NotFollowed()
    {
        var stub = new StubSlackHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://evil.example/steal");
            return response;
        });

        await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(stub).DownloadFileAsync(new Uri("https://files.slack.com/f"), null, TestContext.Current.CancellationToken));

        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task DownloadFileAsync_RedirectWithinSlack_FollowedWithTheToken()
    {
        var stub = new StubSlackHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath == "/f")
            {
                var response = new HttpResponseMessage(HttpStatusCode.Found);
                response.Headers.Location = new Uri("/g", UriKind.Relative);
                return response;
            }

            return Bytes([9], "audio/webm");
        });

        var file = await Client(stub).DownloadFileAsync(new Uri("https://files.slack.com/f"), null, TestContext.Current.CancellationToken);

        Assert.Equal([9], file.Content);
        Assert.Equal(2, stub.Calls.Count);
        Assert.Equal("Bearer xoxb-test", stub.Calls[1].Request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task DownloadFileAsync_LoginPage_ThrowsAuth()
    {
        var stub = new StubSlackHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html>sign in</html>", Encoding.UTF8, "text/html"),
        });

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(stub).DownloadFileAsync(new Uri("https://files.slack.com/f"), null, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Auth, ex.Failure);
    }

    [Fact]
    public async Task DownloadFileAsync_LargerThanLimit_Refused()
    {
        var stub = new StubSlackHandler((_, _) => Bytes(new byte[101], "audio/mp4"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(stub, maxBytes: 100).DownloadFileAsync(new Uri("https://files.slack.com/f"), null, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, ex.Failure);
        Assert.Contains("100-byte", ex.Message, StringComparison.Ordinal);
    }

    internal static SlackApiClient Client(StubSlackHandler stub, long maxBytes = 1000)
    {
        var options = Options.Create(new SlackOptions
        {
            Enabled = true,
            BotToken = "xoxb-test",
            AppToken = "xapp-test",
            ApiBaseUrl = "https://slack.test/api/",
            MaxDownloadBytes = maxBytes,
            MaxInlineRetryAfterSeconds = 30,
        });
        var limiter = new SlackRateLimiter(options, new SlackTestClock(DateTimeOffset.UnixEpoch));
        return new SlackApiClient(new HttpClient(stub), options, limiter, SlackTestMetrics.Create(), NullLogger<SlackApiClient>.Instance);
    }

    private static HttpResponseMessage Bytes(byte[] content, string mime)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mime);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
    }
}
