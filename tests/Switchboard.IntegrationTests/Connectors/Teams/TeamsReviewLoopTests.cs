using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>
/// The review loop through Teams with the Bot Framework JavaScript SDK as the channel: install → proactive review
/// card (after a 429 the outbox retries) → a refused and an accepted Action.Execute → the customer's reply in the
/// playground → the card updated in place for everyone. Every token the bot sent is checked by the SDK.
/// </summary>
public sealed class TeamsReviewLoopTests : IAsyncLifetime
{
    private TeamsBotHost _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await TeamsBotHost.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ActionExecute_FinanceLeadApproves_RefreshedCardReplyAndUpdate()
    {
        var installed = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());
        Assert.Equal(200, (int)installed["status"]!);
        Assert.True((bool)installed["sdkAccepted"]!, "the SDK must accept the tokens the loopback issuer mints");
        await _bot.Peer.FailNextAsync(429, 1);

        var playground = new PlaygroundClient(_bot.Host.Http);
        await playground.PostAsync("tg-community", "ana", "I was charged twice for my order, I want a refund");

        var posted = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST" && (int)c["status"]! == 201)),
            TimeSpan.FromSeconds(30),
            "the review card in the Teams channel");
        Assert.Contains(_bot.Peer.Calls, c => (int)c["status"]! == 429);
        Assert.Equal(TeamsBotHost.FinanceConversation, (string?)posted["conversationId"]);
        Assert.Equal("valid", (string?)posted["auth"]);
        Assert.Equal("/v3/conversations/19%3Afinance%40thread.tacv2/activities", (string?)posted["rawPath"]);
        var attachment = posted["body"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!.AsObject();
        var approve = PlaygroundClient.FindActions(card).First(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == "approve");
        var token = (string)approve["data"]!["token"]!;
        var activityId = (string)posted["id"]!;

        var refused = await _bot.Peer.PostAsync(TeamsBotHost.ActionExecute("approve", token, "aad-stranger", "Eve", activityId));
        Assert.Equal(200, (int)refused["status"]!);
        var refusedBody = JsonNode.Parse((string)refused["body"]!)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)refusedBody["type"]);
        Assert.Contains("Not done", refusedBody["value"]!.ToJsonString(), StringComparison.Ordinal);

        var approved = await _bot.Peer.PostAsync(TeamsBotHost.ActionExecute("approve", token, TeamsBotHost.DanaAad, "Dana", activityId));
        Assert.Equal(200, (int)approved["status"]!);
        var body = JsonNode.Parse((string)approved["body"]!)!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.Contains("Approved by", body["value"]!.ToJsonString(), StringComparison.Ordinal);

        await Eventually.TrueAsync(
            async () => (await playground.FeedAsync()).Any(p => (string?)p["kind"] == "reply" && ((string?)p["channelId"])?.StartsWith("tg-", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(30),
            "the customer's reply in the playground's Telegram channels");
        var update = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "PUT" && (string?)c["activityId"] == activityId)),
            TimeSpan.FromSeconds(30),
            "the card updated in place");
        Assert.Equal("valid", (string?)update["auth"]);
        Assert.Contains("Approved by", update["body"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PlaygroundClient.FindActions(update["body"]!["attachments"]![0]!["content"]), a => (string?)a["verb"] == "approve");
        Assert.All(_bot.Peer.Calls, c => Assert.Equal("valid", (string?)c["auth"]));
        Assert.Single(_bot.Issuer.TokenRequests);
    }

    [Fact]
    public async Task ActionSubmit_FinanceLeadApproves_CardUpdated()
    {
        await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());
        var playground = new PlaygroundClient(_bot.Host.Http);
        await playground.PostAsync("dc-support", "cleo", "You charged my card twice, refund please");
        var posted = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST")),
            TimeSpan.FromSeconds(30),
            "the review card in the Teams channel");
        var submit = PlaygroundClient.FindActions(posted["body"]!["attachments"]![0]!["content"])
            .First(a => (string?)a["type"] == "Action.Submit" && (string?)a["data"]!["verb"] == "approve");
        var activityId = (string)posted["id"]!;

        var message = JsonNode.Parse($$$"""
            {"type":"message","id":"{{{Guid.NewGuid():N}}}","replyToId":"{{{activityId}}}",
             "from":{"id":"29:dana","name":"Dana","aadObjectId":"{{{TeamsBotHost.DanaAad}}}"},
             "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}"},
             "conversation":{"id":"{{{TeamsBotHost.FinanceConversation}}};messageid={{{activityId}}}","conversationType":"channel"}}
            """)!.AsObject();
        message["value"] = submit["data"]!.DeepClone();
        var response = await _bot.Peer.PostAsync(message);

        Assert.Equal(200, (int)response["status"]!);
        var update = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "PUT" && (string?)c["activityId"] == activityId)),
            TimeSpan.FromSeconds(30),
            "the card updated in place");
        Assert.Contains("Approved by", update["body"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCard_AfterHostRestart_UsesStoredConversationReference()
    {
        var installed = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());
        Assert.Equal(200, (int)installed["status"]!);

        await _bot.RestartHostAsync();
        await new PlaygroundClient(_bot.Host.Http).PostAsync("sl-customers", "dee", "Refund me, I was double charged for the subscription");

        var posted = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST")),
            TimeSpan.FromSeconds(30),
            "the review card posted by the restarted host");
        Assert.Equal(TeamsBotHost.FinanceConversation, (string?)posted["conversationId"]);
        Assert.Equal("valid", (string?)posted["auth"]);
    }

    [Fact]
    public async Task ActionExecute_EditWithTextInput_ReplyCarriesTheEditedText()
    {
        await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());
        var playground = new PlaygroundClient(_bot.Host.Http);
        await playground.PostAsync("tg-community", "ana", "I was charged twice for my order, I want a refund");
        var posted = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST")),
            TimeSpan.FromSeconds(30),
            "the review card in the Teams channel");
        var card = posted["body"]!["attachments"]![0]!["content"]!;
        Assert.Contains("\"editedText\"", card.ToJsonString(), StringComparison.Ordinal);
        var edit = PlaygroundClient.FindActions(card).First(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == "edit");
        var invoke = TeamsBotHost.ActionExecute("edit", (string)edit["data"]!["token"]!, TeamsBotHost.DanaAad, "Dana", (string)posted["id"]!);
        // Teams merges the card's input values into action.data, keyed by input id.
        invoke["value"]!["action"]!["data"]!["editedText"] = "We refunded the duplicate charge today; it shows in 3-5 days.";

        var response = await _bot.Peer.PostAsync(invoke);

        Assert.Equal(200, (int)response["status"]!);
        Assert.DoesNotContain("Not done", (string)response["body"]!, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () => (await playground.FeedAsync()).Any(p => (string?)p["kind"] == "reply" && ((string?)p["text"])?.Contains("We refunded the duplicate charge today", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(30),
            "the edited reply in the playground");
    }
}
