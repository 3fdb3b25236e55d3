using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Slack;
using Switchboard.IntegrationTests.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>/campaign and /staffing as Slack delivers them: a signed form POST to the request URL, or a Socket Mode envelope.</summary>
public sealed class SlackCommandHandlerTests : IAsyncLifetime
{
    private const string Lina = "U0LINA";
    private readonly TempFolder _folder = new();
    private FakeSlackServer _slack = null!;
    private CampaignServices _campaigns = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestContext.Current.CancellationToken);
        _campaigns = new CampaignServices(_folder.File("slack-commands.db"), CampaignServices.GoLive.AddHours(-2));
    }

    public async ValueTask DisposeAsync()
    {
        await _slack.DisposeAsync();
        _folder.Dispose();
    }

    private Task<SlackBotHost> StartBotAsync(SlackMode mode) =>
        SlackBotHost.StartAsync(_slack, mode, s => s.AddSingleton(_campaigns.ChatCommands(("slack:" + Lina, ["campaign_ops"]))), TestContext.Current.CancellationToken,
            mode == SlackMode.Socket ? [("SigningSecret", string.Empty)] : []);

    private static Dictionary<string, string> Command(string command, string text, string channel, string user = Lina) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = "T0001",
        ["channel_id"] = channel,
        ["user_id"] = user,
        ["command"] = command,
        ["text"] = text,
        ["response_url"] = "https://hooks.slack.com/commands/T0001/1/abc",
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        ["api_app_id"] = "A0APP",
    };

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    [Fact]
    public async Task Command_FactsheetInTeamChannel_EphemeralAckAndCardQueuedForTheChannel()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);

        using var response = await _slack.PostCommandAsync(bot.BaseUri, Command("/campaign", "factsheet maya-launch20", LoopbackReviewSink.TeamChannel), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("on its way", (string?)body["text"], StringComparison.Ordinal);
        var post = Assert.Single(await _campaigns.OutboxAsync());
        var target = JsonDocument.Parse(post.Target).RootElement;
        Assert.Equal(("slack", LoopbackReviewSink.TeamChannel), (target.GetProperty("connector").GetString(), target.GetProperty("channelId").GetString()));
    }

    [Fact]
    public async Task Command_StartByCampaignOps_RunStartedAsTheSlackUser()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);

        using var response = await _slack.PostCommandAsync(bot.BaseUri, Command("/campaign", "start maya-launch20", LoopbackReviewSink.TeamChannel), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Launch run", (string?)(await JsonAsync(response))["text"], StringComparison.Ordinal);
        Assert.Equal("slack:" + Lina, (await _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken))?.StartedBy);
    }

    [Fact]
    public async Task Command_StartWithoutTheRole_RefusalExplainedNothingStarted()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);

        using var response = await _slack.PostCommandAsync(bot.BaseUri, Command("/campaign", "start maya-launch20", LoopbackReviewSink.TeamChannel, user: "U0SAM"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Not allowed: you need the campaign ops role to start launch runs.", (string?)(await JsonAsync(response))["text"]);
        Assert.Null(await _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Command_InCustomerChannel_RefusedNothingQueued()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);

        using var response = await _slack.PostCommandAsync(bot.BaseUri, Command("/staffing", "--messages 2400 --handle-minutes 4 --buffer 0.25 --productive-hours 30", "CCUST"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("team channels only", (string?)(await JsonAsync(response))["text"], StringComparison.Ordinal);
        Assert.Empty(await _campaigns.OutboxAsync());
    }

    [Fact]
    public async Task Command_BadSignature_RefusedNothingQueued()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);

        using var response = await _slack.PostCommandAsync(bot.BaseUri, Command("/campaign", "list", LoopbackReviewSink.TeamChannel), new FakeSlackDelivery(Secret: "wrong-secret"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _campaigns.OutboxAsync());
    }

    [Fact]
    public async Task SlashCommandsEnvelope_AckCarriesTheEphemeralResponse()
    {
        await using var bot = await StartBotAsync(SlackMode.Socket);
        await _slack.WaitForSocketAsync(1, TestContext.Current.CancellationToken);
        var payload = new JsonObject(Command("/staffing", "--messages 2400 --handle-minutes 4 --buffer 0.25 --productive-hours 30", LoopbackReviewSink.TeamChannel)
            .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));

        var ack = await _slack.SendEnvelopeAsync("slash_commands", payload, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ephemeral", (string?)ack["payload"]?["response_type"]);
        Assert.Contains("7 agents", (string?)ack["payload"]?["text"], StringComparison.Ordinal);
        Assert.Single(await _campaigns.OutboxAsync());
    }

    [Fact]
    public async Task Pin_TwiceForTheSameMessage_PinsAddCalledAndSecondIsNoError()
    {
        await using var bot = await StartBotAsync(SlackMode.Events);
        var pinner = Assert.IsAssignableFrom<Core.Connectors.IMessagePinner>(bot.Connector);
        var message = new Core.Connectors.PostedMessageRef("slack", "CCUST", "1763800001.000100");

        await pinner.PinAsync(message, TestContext.Current.CancellationToken);
        await pinner.PinAsync(message, TestContext.Current.CancellationToken);

        var calls = _slack.CallsOf("pins.add").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(("CCUST", "1763800001.000100"), ((string?)calls[0].Body["channel"], (string?)calls[0].Body["timestamp"]));
        Assert.Equal("already_pinned", (string?)calls[1].Response["error"]);
    }
}
