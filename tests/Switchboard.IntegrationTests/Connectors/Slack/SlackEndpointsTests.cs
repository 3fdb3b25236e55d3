using System.Net;
using System.Text;
using Switchboard.Connectors.Slack;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>The Events API endpoints against signed deliveries from the fake Slack.</summary>
public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private SlackBotHost _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestContext.Current.CancellationToken);
        _bot = await SlackBotHost.StartAsync(_slack, SlackMode.Events, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesTheChallenge()
    {
        using var response = await _slack.PostEventAsync(_bot.BaseUri, """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Events_SignedCustomerMessage_StoredThenAcked()
    {
        using var response = await _slack.PostEventAsync(_bot.BaseUri, CustomerMessage("Ev1", "1763800000.000100"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Acked only after the store: the message is already there when the 200 arrives.
        var message = Assert.Single(_bot.Sink.Messages);
        Assert.Equal("CCUST:1763800000.000100", message.PlatformMessageId);
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, "v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(null, "")]
    public async Task Events_BadSignature_RefusedAndNothingStored(string? secret, string? signature)
    {
        using var response = await _slack.PostEventAsync(_bot.BaseUri, CustomerMessage("Ev2", "1763800000.000200"),
            new FakeSlackDelivery(Secret: secret, Signature: signature), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Sink.Messages);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Events_TimestampOutsideFiveMinutes_Refused(int minutes)
    {
        using var response = await _slack.PostEventAsync(_bot.BaseUri, CustomerMessage("Ev3", "1763800000.000300"),
            new FakeSlackDelivery(ClockSkew: TimeSpan.FromMinutes(minutes)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Sink.Messages);
    }

    [Fact]
    public async Task Events_NoSignatureHeaders_Refused()
    {
        using var client = new HttpClient();
        using var content = new StringContent(CustomerMessage("Ev4", "1763800000.000400"), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(_bot.BaseUri, SlackEndpoints.EventsPath), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Sink.Messages);
    }

    [Fact]
    public async Task Events_RetriedDelivery_StoredAndReviewedOnce()
    {
        var body = CustomerMessage("Ev5", "1763800000.000500");
        using var first = await _slack.PostEventAsync(_bot.BaseUri, body, cancellationToken: TestContext.Current.CancellationToken);
        await _slack.WaitForCallAsync("chat.postMessage", cancellationToken: TestContext.Current.CancellationToken);

        using var retry1 = await _slack.PostEventAsync(_bot.BaseUri, body, new FakeSlackDelivery(RetryNum: 1), TestContext.Current.CancellationToken);
        using var retry2 = await _slack.PostEventAsync(_bot.BaseUri, body, new FakeSlackDelivery(RetryNum: 2), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, retry1.StatusCode, retry2.StatusCode });
        Assert.Single(_bot.Sink.Messages);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Single(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task Events_SameMessageUnderNewEventId_DeduplicatedBySinkKey()
    {
        using var first = await _slack.PostEventAsync(_bot.BaseUri, CustomerMessage("Ev6a", "1763800000.000600"), cancellationToken: TestContext.Current.CancellationToken);
        using var second = await _slack.PostEventAsync(_bot.BaseUri, CustomerMessage("Ev6b", "1763800000.000600"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_bot.Sink.Messages);
    }

    [Fact]
    public async Task Events_FirstDeliveryNotStored_RetryIsStored()
    {
        var body = CustomerMessage("Ev7", "1763800000.000700");
        _bot.Sink.FailNextIngest();

        using var first = await _slack.PostEventAsync(_bot.BaseUri, body, cancellationToken: TestContext.Current.CancellationToken);
        using var retry = await _slack.PostEventAsync(_bot.BaseUri, body, new FakeSlackDelivery(RetryNum: 1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_bot.Sink.Messages);
    }

    [Fact]
    public async Task Events_TeamChannelChatter_AckedButNotStored()
    {
        var body = FakeSlackPayloads.MessageEvent("Ev8", LoopbackReviewSink.TeamChannel, "U200", "lunch?", "1763800000.000800").ToJsonString();

        using var response = await _slack.PostEventAsync(_bot.BaseUri, body, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Sink.Messages);
    }

    [Fact]
    public async Task Interactivity_BadSignature_RefusedAndNoActionRun()
    {
        var payload = new System.Text.Json.Nodes.JsonObject { ["type"] = "block_actions" };

        using var response = await _slack.PostInteractionAsync(_bot.BaseUri, payload, new FakeSlackDelivery(Secret: "wrong"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Sink.Actions);
    }

    private static string CustomerMessage(string eventId, string ts) =>
        FakeSlackPayloads.MessageEvent(eventId, "CCUST", "U100", "I was charged twice", ts).ToJsonString();
}
