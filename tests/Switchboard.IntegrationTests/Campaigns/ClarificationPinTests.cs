using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Playground;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Connectors.Slack;
using Switchboard.IntegrationTests.Connectors.Telegram;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>
/// An approved clarification is sent where the repeated questions came from and pinned there, through the outbox and the
/// connectors speaking to their loopback fakes; Teams, which has no pin, only gets it sent.
/// </summary>
public sealed class ClarificationPinTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Replays the launch burst as <paramref name="connector"/> traffic in <paramref name="customerChannel"/>, and presses Approve and pin.</summary>
    private static async Task<(CampaignServices Services, CardActionResult Result)> ApproveAsync(string databasePath, string connector, string customerChannel, string teamChannel)
    {
        var services = new CampaignServices(databasePath, CampaignServices.GoLive.AddMinutes(40));
        var ct = TestContext.Current.CancellationToken;
        await services.StoreLaunchReplayAsync(connector, customerChannel);
        await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress(connector, teamChannel), ct);
        await services.Worker().RunOnceAsync(ct);
        var suggestion = Assert.Single(await services.OutboxAsync(), p => p.Payload.Contains("Repeated question", StringComparison.Ordinal));
        var token = JsonDocument.Parse(suggestion.Payload).RootElement.GetProperty("card").GetProperty("actions")[0].GetProperty("data").GetProperty("token").GetString()!;
        var result = await services.Runs.HandleActionAsync(new CardActionRequest(token, "U1", "@lina", connector), ct);
        return (services, result);
    }

    /// <summary>One outbox pass through <paramref name="connector"/>; every item (posts, checklist edits, the send and its pin) must be delivered.</summary>
    private static async Task DeliverAsync(CampaignServices services, IChatConnector connector)
    {
        var store = new SqliteOutboxStore(services.Database);
        var sender = new OutboxSender(store, new ConnectorRegistry([connector]), Options.Create(new OutboxOptions()), services.Clock, NullLogger<OutboxSender>.Instance);
        Assert.True(await sender.SendDueAsync(TestContext.Current.CancellationToken) >= 4); // checklist, suggestion, clarification, pin
        var counts = await store.CountByStatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["sent"], counts.Keys);
    }

    private static async Task<CampaignClarification> ClarificationAsync(CampaignServices services) =>
        Assert.Single(await services.Store.ListClarificationsAsync("maya-launch20", TestContext.Current.CancellationToken));

    [Fact]
    public async Task Approve_SlackQuestions_SentInTheCustomerChannelAndPinnedWithPinsAdd()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var slack = await FakeSlackServer.StartAsync(ct);
        await using var bot = await SlackBotHost.StartAsync(slack, SlackMode.Events, ct);
        var (services, result) = await ApproveAsync(_folder.File("slack.db"), "slack", "CCUST", LoopbackReviewSink.TeamChannel);

        Assert.True(result.Accepted, result.Message);
        Assert.Contains("pinned", result.Message, StringComparison.Ordinal);
        await DeliverAsync(services, bot.Connector);

        var clarification = await ClarificationAsync(services);
        var sent = Assert.Single(slack.CallsOf("chat.postMessage"), c => (string?)c.Body["channel"] == "CCUST");
        Assert.Contains("LAUNCH20", (string?)sent.Body["text"], StringComparison.Ordinal);
        var pin = Assert.Single(slack.CallsOf("pins.add"));
        Assert.Equal(("CCUST", (string?)sent.Response["ts"]), ((string?)pin.Body["channel"], (string?)pin.Body["timestamp"]));
        Assert.Equal(("pinned", new ChannelAddress("slack", "CCUST")), (clarification.Status, clarification.Source));
        Assert.Equal("sent", (await new SqliteOutboxStore(services.Database).GetResultAsync(clarification.PinOutboxId!.Value, ct))?.Status);
    }

    [Fact]
    public async Task Approve_TelegramQuestions_SentInTheGroupAndPinnedWithPinChatMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeBotApi.StartAsync(ct);
        await using var host = TelegramTestHost.Create(TelegramTestHost.Settings(api.BaseUrl, "300002:PinTokenPinTokenPinTokenPinTokenPi"));
        var group = TelegramTestHost.CustomerGroup.ToString(CultureInfo.InvariantCulture);
        var (services, result) = await ApproveAsync(_folder.File("telegram.db"), "telegram", group, TelegramTestHost.TeamChat.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.Accepted, result.Message);
        await DeliverAsync(services, host.Connector);

        var sends = api.Calls.Where(c => c.Method == "sendMessage").ToList();
        var clarificationIndex = sends.FindIndex(c => (long?)c.Body["chat_id"] == TelegramTestHost.CustomerGroup);
        Assert.True(clarificationIndex >= 0, "the clarification was not sent to the customer group");
        var pin = Assert.Single(api.CallsTo("pinChatMessage"));
        Assert.Equal(TelegramTestHost.CustomerGroup, (long)pin["chat_id"]!);
        Assert.Equal(701 + clarificationIndex, (long)pin["message_id"]!); // the fake numbers sent messages 701, 702, …
        Assert.Equal("pinned", (await ClarificationAsync(services)).Status);
    }

    [Fact]
    public async Task Approve_PlaygroundQuestions_PinnedMessageInTheChannelFeed()
    {
        var (services, result) = await ApproveAsync(_folder.File("playground.db"), "playground", "tg-community", "campaign-ops");
        var feed = new SqlitePlaygroundFeedStore(services.Database);
        var connector = new PlaygroundConnector(feed, Options.Create(new PlaygroundOptions()), services.Clock);

        Assert.True(result.Accepted, result.Message);
        await DeliverAsync(services, connector);

        var posts = await feed.ListChangedAsync(0, TestContext.Current.CancellationToken);
        var pinned = Assert.Single(posts, p => p.Kind == "pin");
        Assert.Equal("tg-community", pinned.ChannelId);
        Assert.Equal((await ClarificationAsync(services)).Text, pinned.Text);
    }

    [Fact]
    public async Task Approve_TeamsQuestions_SentNotPinnedAndTheOutcomeSaysSo()
    {
        var (services, result) = await ApproveAsync(_folder.File("teams.db"), "teams", "19:support@thread.tacv2", "19:ops@thread.tacv2");

        Assert.True(result.Accepted, result.Message);
        Assert.Contains("Teams has no pinning", result.Message, StringComparison.Ordinal);
        var clarification = await ClarificationAsync(services);
        Assert.Equal((LaunchRunService.SentUnpinned, (long?)null), (clarification.Status, clarification.PinOutboxId));
        Assert.Contains("no pinning", clarification.Note, StringComparison.Ordinal);
        Assert.Empty(await services.OutboxAsync(OutboxKinds.Pin));
        Assert.Single(await services.OutboxAsync(OutboxKinds.Reply));
    }
}
