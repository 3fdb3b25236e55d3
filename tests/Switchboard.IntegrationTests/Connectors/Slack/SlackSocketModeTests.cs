using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Connectors.Slack;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>Socket Mode against the fake's WebSocket: acks within 3 s, the review loop, drops, refreshes and link_disabled.</summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private const string CustomerTs = "1763800000.000100";
    private FakeSlackServer _slack = null!;
    private SlackBotHost _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestContext.Current.CancellationToken);
        _bot = await SlackBotHost.StartAsync(_slack, SlackMode.Socket, TestContext.Current.CancellationToken, ("SigningSecret", string.Empty));
        await _slack.WaitForSocketAsync(1, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Connect_UsesAppTokenForAFreshUrlAndBecomesReady()
    {
        var open = Assert.Single(_slack.CallsOf("apps.connections.open"));

        Assert.Equal("Bearer " + FakeSlackServer.AppToken, open.Authorization);
        Assert.Equal(HealthStatus.Healthy, await _bot.WaitForReadinessAsync(HealthStatus.Healthy, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EventsApiEnvelope_StoredThenAcked()
    {
        var ack = await SendCustomerMessageAsync(_slack.NextEventId(), TestContext.Current.CancellationToken);

        Assert.False(ack.ContainsKey("payload"));
        // The ack came after the store.
        Assert.Single(_bot.Sink.Messages);
        await _slack.WaitForCallAsync("chat.postMessage", cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReviewLoop_OverTheSocket_EditedReplyPostedAndCardUpdated()
    {
        var ct = TestContext.Current.CancellationToken;
        await SendCustomerMessageAsync(_slack.NextEventId(), ct);
        var card = await _slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == LoopbackReviewSink.TeamChannel, ct);
        var cardTs = (string)card.Response["ts"]!;

        var click = FakeSlackPayloads.BlockActions(card, cardTs, FakeSlackPayloads.Element(card, "edit"), "U42", _slack.IssueTrigger());
        await _slack.SendEnvelopeAsync("interactive", click, cancellationToken: ct);
        var modal = await _slack.WaitForCallAsync("views.open", cancellationToken: ct);
        Assert.True(modal.Ok, modal.Response.ToJsonString());

        var ack = await _slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.ViewSubmission(modal, "U42", "Edited over the socket"), cancellationToken: ct);

        Assert.False(ack.ContainsKey("payload"));
        var reply = await _slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "CCUST", ct);
        Assert.Equal(("Edited over the socket", CustomerTs), ((string?)reply.Body["text"], (string?)reply.Body["thread_ts"]));
        var update = await _slack.WaitForCallAsync("chat.update", cancellationToken: ct);
        Assert.Equal(cardTs, (string?)update.Body["ts"]);
    }

    [Fact]
    public async Task RefusedSubmission_AckCarriesErrorsForTheModal()
    {
        var ct = TestContext.Current.CancellationToken;
        await SendCustomerMessageAsync(_slack.NextEventId(), ct);
        var card = await _slack.WaitForCallAsync("chat.postMessage", cancellationToken: ct);
        var click = FakeSlackPayloads.BlockActions(card, (string)card.Response["ts"]!, FakeSlackPayloads.Element(card, "edit"), LoopbackReviewSink.InternUser, _slack.IssueTrigger());
        await _slack.SendEnvelopeAsync("interactive", click, cancellationToken: ct);
        var modal = await _slack.WaitForCallAsync("views.open", cancellationToken: ct);

        var ack = await _slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.ViewSubmission(modal, LoopbackReviewSink.InternUser, "text"), cancellationToken: ct);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$$"""{"response_action":"errors","errors":{"sb_edit":"{{{LoopbackReviewSink.Refusal}}}"}}"""),
            ack["payload"]));
    }

    [Fact]
    public async Task RedeliveredEnvelope_AckedAndProcessedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var eventId = _slack.NextEventId();
        var payload = FakeSlackPayloads.MessageEvent(eventId, "CCUST", "U100", "hello", CustomerTs);

        await _slack.SendEnvelopeAsync("events_api", payload, "env-1", ct);
        await _slack.SendEnvelopeAsync("events_api", payload, "env-1", ct);
        await _slack.SendEnvelopeAsync("events_api", payload, "env-2", ct);

        Assert.Single(_bot.Sink.Messages);
    }

    [Fact]
    public async Task DroppedSocket_ReconnectsWithAFreshUrlAndKeepsReceiving()
    {
        var ct = TestContext.Current.CancellationToken;

        _slack.AbortSocket();
        await _slack.WaitForSocketAsync(2, ct);

        Assert.Equal(2, _slack.CallsOf("apps.connections.open").Count());
        await SendCustomerMessageAsync(_slack.NextEventId(), ct);
        Assert.Single(_bot.Sink.Messages);
    }

    [Fact]
    public async Task RefreshRequested_ReconnectsAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;

        await _slack.SendDisconnectAsync("refresh_requested", ct);
        await _slack.WaitForSocketAsync(2, ct);

        await SendCustomerMessageAsync(_slack.NextEventId(), ct);
        Assert.Single(_bot.Sink.Messages);
    }

    [Fact]
    public async Task LinkDisabled_StopsReceivingWithoutReconnecting()
    {
        var ct = TestContext.Current.CancellationToken;

        await _slack.SendDisconnectAsync("link_disabled", ct);
        await _bot.Receiver.Returned.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        await Task.Delay(300, ct);

        Assert.Single(_slack.CallsOf("apps.connections.open"));
        Assert.Equal(1, _slack.SocketConnections);
        Assert.Equal(HealthStatus.Unhealthy, await _bot.ReadinessAsync(ct));
    }

    [Fact]
    public async Task EventsEndpoint_NotMappedInSocketMode()
    {
        using var response = await _slack.PostEventAsync(_bot.BaseUri, """{"type":"url_verification","challenge":"c"}""", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<JsonObject> SendCustomerMessageAsync(string eventId, CancellationToken cancellationToken) =>
        _slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.MessageEvent(eventId, "CCUST", "U100", "charged twice", CustomerTs), cancellationToken: cancellationToken);
}
