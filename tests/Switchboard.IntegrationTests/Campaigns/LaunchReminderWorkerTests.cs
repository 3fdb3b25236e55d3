using System.Text.Json;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

public sealed class LaunchReminderWorkerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunOnce_FakeClockThroughLaunchDay_RemindsAtCheckpointsAndOverdueOnceEach()
    {
        var services = new CampaignServices(_folder.File("campaign.db"), CampaignServices.GoLive.AddHours(-30));
        var ct = TestContext.Current.CancellationToken;
        var run = await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress("playground", "campaign-ops"), ct);
        var worker = services.Worker();

        Assert.Equal(0, await worker.RunOnceAsync(ct));
        services.Clock.SetUtcNow(CampaignServices.GoLive.AddHours(-24));
        Assert.Equal(1, await worker.RunOnceAsync(ct));
        Assert.Equal(0, await worker.RunOnceAsync(ct));

        // Restart: a fresh worker over the same database repeats nothing.
        var restarted = new CampaignServices(_folder.File("campaign.db"), CampaignServices.GoLive.AddHours(-24)).Worker();
        Assert.Equal(0, await restarted.RunOnceAsync(ct));

        var token = run.Task("factsheet")!.DoneToken!;
        var result = await services.Runs.HandleActionAsync(new CardActionRequest(token, "U1", "lina", "playground"), ct);
        Assert.True(result.Accepted, result.Message);

        services.Clock.SetUtcNow(CampaignServices.GoLive.AddMinutes(-60));
        Assert.Equal(2, await worker.RunOnceAsync(ct)); // T-1h and saved-replies (due T-24h) overdue
        services.Clock.SetUtcNow(CampaignServices.GoLive.AddMinutes(-30));
        Assert.Equal(2, await worker.RunOnceAsync(ct)); // the two tasks due T-1h, now past their grace

        var latest = (await services.Store.GetRunAsync(run.Id, ct))!;
        Assert.Equal(
            ["checkpoint:T-1h", "checkpoint:T-24h", "overdue:code-test", "overdue:creator-brief", "overdue:saved-replies"],
            latest.RemindersSent.Order(StringComparer.Ordinal));
        Assert.Equal(LaunchTaskStates.Done, latest.Task("factsheet")!.State);
        Assert.Equal("lina", latest.Task("factsheet")!.By);

        // One checklist card; every later change edits it in place.
        var post = Assert.Single(await services.OutboxAsync());
        Assert.Contains("campaign-ops", post.Target, StringComparison.Ordinal);
        var updates = await services.OutboxAsync(OutboxKinds.UpdatePostedCard);
        Assert.Equal(6, updates.Count); // T-24h, refresh after done, T-1h + overdue, two overdue
        Assert.All(updates, u => Assert.Equal(run.ChecklistOutboxId, JsonDocument.Parse(u.Target).RootElement.GetProperty("outboxId").GetInt64()));
        Assert.Contains("Overdue: Send Maya the escalation contact", updates[^1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_ReminderChannelConfigured_NoticeThereChecklistEditedInPlace()
    {
        var services = new CampaignServices(_folder.File("campaign.db"), CampaignServices.GoLive.AddHours(-24));
        var ct = TestContext.Current.CancellationToken;
        await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress("playground", "launch-room"), ct);

        Assert.Equal(1, await services.Worker(new CampaignOptions { ReminderConnector = "slack", ReminderChannel = "C0OPS" }).RunOnceAsync(ct));

        var posts = await services.OutboxAsync();
        Assert.Equal(2, posts.Count); // the checklist in the launch room, the notice in the reminder channel
        Assert.Contains("C0OPS", posts[^1].Target, StringComparison.Ordinal);
        Assert.Contains("T-24h", posts[^1].Payload, StringComparison.Ordinal);
        Assert.Single(await services.OutboxAsync(OutboxKinds.UpdatePostedCard));
    }

    [Fact]
    public async Task HandleAction_OldRunAfterRestart_RefusedAndUnknownTokenRefused()
    {
        var services = new CampaignServices(_folder.File("campaign.db"), CampaignServices.GoLive.AddHours(-30));
        var ct = TestContext.Current.CancellationToken;
        var first = await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress("playground", "ops"), ct);
        await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress("playground", "ops"), ct);

        var stale = await services.Runs.HandleActionAsync(new CardActionRequest(first.Task("monitor")!.BlockedToken!, "U1", "omar", "playground"), ct);
        var forged = await services.Runs.HandleActionAsync(new CardActionRequest("lr.forged", "U1", "omar", "playground"), ct);

        Assert.False(stale.Accepted);
        Assert.Contains("newer launch run", stale.Message, StringComparison.Ordinal);
        Assert.False(forged.Accepted);
    }
}
