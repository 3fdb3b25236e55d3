using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>The REST side over real HTTP to the fake: buckets, 429s (route and global), splitting, downloads.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private DiscordConnectorHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _bot = DiscordConnectorHarness.Start(_fake, new Dictionary<string, string?> { ["Switchboard:Connectors:Discord:MaxDownloadBytes"] = "100000" }, receive: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private DiscordRestClient Rest => _bot.Get<DiscordRestClient>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateMessage_BucketExhausted_WaitsForReset()
    {
        _fake.Script("POST channels/300/messages", 200, new JsonObject { ["id"] = "1" }, new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "b1", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.6",
        });

        await Rest.CreateMessageAsync("300", new JsonObject { ["content"] = "a" }, Ct);
        await Rest.CreateMessageAsync("300", new JsonObject { ["content"] = "b" }, Ct);

        var requests = _fake.RequestsTo("POST", "channels/300/messages");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(500), $"second request after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task CreateMessage_Route429_RetriesAfterRetryAfter()
    {
        _fake.Script("POST channels/301/messages", 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.5, ["global"] = false }, new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "b2", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.5", ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "1",
        });

        var created = await Rest.CreateMessageAsync("301", new JsonObject { ["content"] = "hello" }, Ct);

        var requests = _fake.RequestsTo("POST", "channels/301/messages");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(450));
        Assert.NotNull((string?)created["id"]);
    }

    [Fact]
    public async Task Send_Global429_HoldsEveryRouteUntilRetryAfter()
    {
        _fake.Script("POST channels/302/messages", 429, new JsonObject { ["message"] = "global", ["retry_after"] = 0.8, ["global"] = true }, new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" });

        var first = Rest.CreateMessageAsync("302", new JsonObject { ["content"] = "a" }, Ct);
        await Eventually.TrueAsync(() => Task.FromResult(_fake.RequestsTo("POST", "channels/302/messages").Count == 1), what: "the 429");
        await Task.Delay(50, Ct);
        await Rest.EditMessageAsync("303", "9", new JsonObject { ["content"] = "b" }, Ct);
        await first.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var limited = _fake.RequestsTo("POST", "channels/302/messages")[0].At;
        var other = Assert.Single(_fake.RequestsTo("PATCH", "channels/303/messages/9")).At;
        Assert.True(other - limited >= TimeSpan.FromMilliseconds(650), $"other route went {(other - limited).TotalMilliseconds} ms after the global 429");
        Assert.Equal(2, _fake.RequestsTo("POST", "channels/302/messages").Count);
    }

    [Fact]
    public async Task Send_Long429_FailsRateLimitedWithRetryAfter()
    {
        _fake.Script("POST channels/304/messages", 429, new JsonObject { ["message"] = "slow down", ["retry_after"] = 30.0, ["global"] = false });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Rest.CreateMessageAsync("304", new JsonObject { ["content"] = "a" }, Ct));

        Assert.Equal(ConnectorFailure.RateLimited, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(_fake.RequestsTo("POST", "channels/304/messages"));
    }

    [Fact]
    public async Task Send_Forbidden_AuthFailureNamingTheRouteNotTheToken()
    {
        _fake.Script("PATCH channels/305/messages", 403, new JsonObject { ["message"] = "Missing Permissions", ["code"] = 50013 });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Rest.EditMessageAsync("305", "1", new JsonObject { ["content"] = "x" }, Ct));

        Assert.Equal(ConnectorFailure.Auth, error.Failure);
        Assert.Contains("PATCH channels/{channel}/messages/{id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("50013", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordServer.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReply_LongPublicText_SplitsAndRepliesToTheCustomerMessage()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Paragraph {i}: " + new string('x', 100)));
        var target = new ReplyTarget("discord", "500", "500", "600", true, "1234", "77");

        var posted = await _bot.Connector.SendReplyAsync(target, text, Ct);

        var sent = _fake.RequestsTo("POST", "channels/600/messages");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.True(((string?)r.Body!["content"])!.Length <= 2000));
        Assert.Equal(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(sent.Select(r => (string?)r.Body!["content"])).Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("1234", (string?)sent[0].Body!["message_reference"]!["message_id"]);
        Assert.Null(sent[1].Body!["message_reference"]);
        Assert.Equal("600", posted.ChannelId);
    }

    [Fact]
    public async Task SendReply_Private_OpensDmWithTheCustomer()
    {
        await _bot.Connector.SendReplyAsync(new ReplyTarget("discord", "500", "500", null, false, "1234", "77"), "Let's continue here.", Ct);

        Assert.Equal("77", (string?)Assert.Single(_fake.RequestsTo("POST", "users/@me/channels")).Body!["recipient_id"]);
        var dm = Assert.Single(_fake.RequestsTo("POST", "channels/dm-77/messages"));
        Assert.Null(dm.Body!["message_reference"]);
    }

    [Fact]
    public async Task DownloadAttachment_WithinAndOverTheLimit_ReturnsOrRefuses()
    {
        var small = new Attachment("voice", new Uri(_fake.BaseAddress, "/cdn/small.ogg").ToString(), "audio/ogg");
        var big = new Attachment("voice", new Uri(_fake.BaseAddress, "/cdn/big.ogg").ToString(), "audio/ogg");
        var elsewhere = new Attachment("voice", "https://example.com/x.ogg", "audio/ogg");

        var file = await _bot.Connector.DownloadAttachmentAsync(small, Ct);
        var tooBig = await Assert.ThrowsAsync<ConnectorException>(() => _bot.Connector.DownloadAttachmentAsync(big, Ct));
        var refused = await Assert.ThrowsAsync<ConnectorException>(() => _bot.Connector.DownloadAttachmentAsync(elsewhere, Ct));

        Assert.Equal(1000, file.Content.Length);
        Assert.Equal(ConnectorFailure.Invalid, tooBig.Failure);
        Assert.Equal(ConnectorFailure.Invalid, refused.Failure);
    }
}
