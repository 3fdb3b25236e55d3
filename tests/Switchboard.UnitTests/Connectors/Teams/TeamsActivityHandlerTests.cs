using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Connectors;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsActivityHandlerTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 14, 2, 0, TimeSpan.Zero));
    private readonly InMemoryTeamsConversationStore _store = new();
    private readonly StubTeamsHandler _http = new((_, _) => StubTeamsHandler.Json("""{"id":"r1"}""", HttpStatusCode.Created));
    private readonly HttpClient _client;
    private readonly TeamsTokenProvider _tokens;
    private readonly TeamsActivityHandler _handler;

    public TeamsActivityHandlerTests()
    {
        _client = new HttpClient(_http);
        var options = Options.Create(new TeamsOptions { Enabled = true, DevelopmentModeWithoutAuth = true });
        _tokens = new TeamsTokenProvider(_client, options, _time, NullLogger<TeamsTokenProvider>.Instance);
        _handler = new TeamsActivityHandler(
            _store,
            new TeamsConnectorClient(_client, _tokens, NullLogger<TeamsConnectorClient>.Instance),
            new TeamsActivityDeduplicator(_time),
            _time,
            NullLogger<TeamsActivityHandler>.Instance);
    }

    [Fact]
    public async Task HandleAsync_ActionExecuteInvoke_SinkGetsTokenInputsAndAadActor()
    {
        var sink = new RecordingInboundSink(new CardActionResult(true, "Edited and approved by @Dana Lee at 14:02", 5));

        await _handler.HandleAsync(Invoke("inv-1", "edit", """{"token":"tok-9","editedText":"Sorry, refund sent","newIntent":""}"""), sink, TestContext.Current.CancellationToken);

        var request = Assert.Single(sink.Actions);
        Assert.Equal(new CardActionRequest("tok-9", "aad-dana", "Dana Lee", "teams", "Sorry, refund sent", null, null), request);
    }

    [Fact]
    public async Task HandleAsync_AcceptedActionExecute_AnswersOutcomeCard()
    {
        var sink = new RecordingInboundSink(new CardActionResult(true, "Approved by @Dana Lee at 14:02", 5));

        var response = await _handler.HandleAsync(Invoke("inv-2", "approve", """{"token":"tok-1"}"""), sink, TestContext.Current.CancellationToken);

        Assert.Equal(200, response.HttpStatus);
        AssertJson("""
            {"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Done","weight":"Bolder","color":"Good"},{"type":"TextBlock","text":"Approved by @Dana Lee at 14:02","wrap":true}]}}
            """, response.Body);
    }

    [Fact]
    public async Task HandleAsync_RefusedActionExecute_CardSaysWhy()
    {
        var sink = new RecordingInboundSink(CardActionResult.Refused("Only a finance lead may approve billing replies.", 5));

        var response = await _handler.HandleAsync(Invoke("inv-3", "approve", """{"token":"tok-1"}"""), sink, TestContext.Current.CancellationToken);

        AssertJson("""
            {"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Not done","weight":"Bolder","color":"Attention"},{"type":"TextBlock","text":"Only a finance lead may approve billing replies.","wrap":true}]}}
            """, response.Body);
    }

    [Fact]
    public async Task HandleAsync_InvokeWithoutToken_UniversalActionsError()
    {
        var sink = new RecordingInboundSink(new CardActionResult(true, "x"));

        var response = await _handler.HandleAsync(Invoke("inv-4", "approve", "{}"), sink, TestContext.Current.CancellationToken);

        Assert.Empty(sink.Actions);
        AssertJson("""
            {"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"The action carries no token or no user."}}
            """, response.Body);
    }

    [Fact]
    public async Task HandleAsync_SameInvokeDeliveredTwice_ActionRunsOnceSameAnswer()
    {
        var sink = new RecordingInboundSink(new CardActionResult(true, "Approved by @Dana Lee at 14:02", 5));

        var first = await _handler.HandleAsync(Invoke("inv-5", "approve", """{"token":"tok-1"}"""), sink, TestContext.Current.CancellationToken);
        var second = await _handler.HandleAsync(Invoke("inv-5", "approve", """{"token":"tok-1"}"""), sink, TestContext.Current.CancellationToken);

        Assert.Single(sink.Actions);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task HandleAsync_OtherInvoke_NotImplemented()
    {
        var activity = Invoke("inv-6", "approve", """{"token":"t"}""");
        activity["name"] = "composeExtension/query";

        var response = await _handler.HandleAsync(activity, new RecordingInboundSink(new CardActionResult(true, "x")), TestContext.Current.CancellationToken);

        Assert.Equal(501, response.HttpStatus);
    }

    [Fact]
    public async Task HandleAsync_ConversationUpdateInChannelThread_StoresChannelReference()
    {
        var activity = Activity("cu-1", "conversationUpdate");
        activity["conversation"] = JsonNode.Parse("""{"id":"19:abc@thread.tacv2;messageid=1700","conversationType":"channel","tenantId":"tenant-1"}""");

        var response = await _handler.HandleAsync(activity, new RecordingInboundSink(new CardActionResult(true, "x")), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.HttpStatus);
        var stored = Assert.Single(_store.Items.Values);
        Assert.Equal("19:abc@thread.tacv2", stored.ConversationId);
        Assert.Equal(ServiceUrl, stored.ServiceUrl);
        Assert.Equal("tenant-1", stored.TenantId);
        Assert.Equal("28:bot-id", stored.BotId);
        Assert.Equal("channel", stored.ConversationType);
    }

    [Fact]
    public async Task HandleAsync_SameConversationAgain_NotRewritten()
    {
        var sink = new RecordingInboundSink(new CardActionResult(true, "x"));

        await _handler.HandleAsync(Activity("m-1", "message"), sink, TestContext.Current.CancellationToken);
        await _handler.HandleAsync(Activity("m-2", "message"), sink, TestContext.Current.CancellationToken);

        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task HandleAsync_PlainMessage_NotIngested()
    {
        var activity = Activity("m-3", "message");
        activity["text"] = "hello bot";

        var response = await _handler.HandleAsync(activity, new RecordingInboundSink(new CardActionResult(true, "x")), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.HttpStatus);
    }

    [Fact]
    public async Task HandleAsync_ActionSubmitRefused_RepliesWhyUnderTheCard()
    {
        var sink = new RecordingInboundSink(CardActionResult.Refused("This case changed meanwhile."));
        var activity = Activity("m-4", "message");
        activity["replyToId"] = "card-7";
        activity["value"] = JsonNode.Parse("""{"verb":"approve","token":"tok-3"}""");

        await _handler.HandleAsync(activity, sink, TestContext.Current.CancellationToken);

        Assert.Equal("tok-3", Assert.Single(sink.Actions).Token);
        var (request, body) = Assert.Single(_http.Calls);
        Assert.EndsWith("/v3/conversations/a%3A1/activities/card-7", request.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(request.Headers.Authorization);
        Assert.Equal("Not done: This case changed meanwhile.", JsonNode.Parse(body)!["text"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _client.Dispose();
        _http.Dispose();
    }

    private static JsonObject Activity(string id, string type) => JsonNode.Parse($$$"""
        {"type":"{{{type}}}","id":"{{{id}}}","channelId":"msteams","serviceUrl":"{{{ServiceUrl}}}",
         "from":{"id":"29:dana","name":"Dana Lee","aadObjectId":"aad-dana"},
         "recipient":{"id":"28:bot-id","name":"Switchboard"},
         "conversation":{"id":"a:1","conversationType":"personal","tenantId":"tenant-1"}}
        """)!.AsObject();

    private static JsonObject Invoke(string id, string verb, string data)
    {
        var activity = Activity(id, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = JsonNode.Parse($$$"""{"action":{"type":"Action.Execute","verb":"{{{verb}}}","data":{{{data}}}},"trigger":"manual"}""");
        return activity;
    }

    private static void AssertJson(string expected, JsonObject? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());
}
