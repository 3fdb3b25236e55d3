using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Campaigns;

public sealed class LaunchReminderPlannerTests
{
    private readonly Campaign _campaign = CampaignTestData.Example();
    private readonly FakeTimeProvider _clock = new(CampaignTestData.GoLive.AddHours(-30));

    private LaunchRun Run(IReadOnlySet<string>? sent = null, params (string Id, string State)[] states) =>
        new(1, _campaign.Name, _campaign.GoLive, "lina", CampaignTestData.GoLive.AddHours(-30), new ChannelAddress("playground", "campaign-ops"),
            _campaign.Checklist.Select(t => new LaunchTask(t.Id, states.FirstOrDefault(s => s.Id == t.Id).State ?? LaunchTaskStates.Open, null, null, "lr.d" + t.Id, "lr.b" + t.Id)).ToArray(),
            sent ?? new HashSet<string>());

    [Fact]
    public void Due_BeforeTheFirstCheckpoint_Nothing() => Assert.Empty(LaunchReminderPlanner.Due(_campaign, Run(), _clock.GetUtcNow()));

    [Fact]
    public void Due_AtTMinus24h_CheckpointListsOpenTasks()
    {
        _clock.Advance(TimeSpan.FromHours(6));

        var reminder = Assert.Single(LaunchReminderPlanner.Due(_campaign, Run(null, ("factsheet", LaunchTaskStates.Done)), _clock.GetUtcNow()));

        Assert.Equal("checkpoint:T-24h", reminder.Key);
        Assert.Contains("Prepare saved replies", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm offer terms", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_CheckpointAlreadySent_NotRepeated()
    {
        _clock.Advance(TimeSpan.FromHours(6));

        Assert.Empty(LaunchReminderPlanner.Due(_campaign, Run(new HashSet<string> { "checkpoint:T-24h" }), _clock.GetUtcNow()));
    }

    [Fact]
    public void Due_AtTMinus1h_StaleTMinus24hSkippedAndOverdueTasksFlagged()
    {
        _clock.SetUtcNow(CampaignTestData.GoLive.AddMinutes(-59));

        var keys = LaunchReminderPlanner.Due(_campaign, Run(), _clock.GetUtcNow()).Select(r => r.Key).ToArray();

        Assert.Equal(["checkpoint:T-1h", "overdue:factsheet", "overdue:saved-replies"], keys);
    }

    [Fact]
    public void Due_BlockedTaskPastDue_OverdueSaysBlocked()
    {
        _clock.SetUtcNow(CampaignTestData.GoLive.AddMinutes(1));
        var run = Run(new HashSet<string> { "checkpoint:T-24h", "checkpoint:T-1h", "overdue:factsheet", "overdue:saved-replies" }, ("code-test", LaunchTaskStates.Blocked), ("creator-brief", LaunchTaskStates.Done));
        run = run with { Tasks = run.Tasks.Select(t => t.TaskId == "code-test" ? t with { By = "omar" } : t).ToArray() };

        var reminder = Assert.Single(LaunchReminderPlanner.Due(_campaign, run, _clock.GetUtcNow()));

        Assert.Equal("overdue:code-test", reminder.Key);
        Assert.Contains("blocked by omar", reminder.Text, StringComparison.Ordinal);
    }
}
