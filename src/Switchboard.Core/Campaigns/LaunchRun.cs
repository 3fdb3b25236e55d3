using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>A started launch of a campaign: where its checklist lives, its task states and the reminders already sent.</summary>
public sealed record LaunchRun(
    long Id,
    string Campaign,
    DateTimeOffset GoLive,
    string StartedBy,
    DateTimeOffset StartedAt,
    ChannelAddress Channel,
    IReadOnlyList<LaunchTask> Tasks,
    IReadOnlySet<string> RemindersSent)
{
    public LaunchTask? Task(string taskId) => Tasks.FirstOrDefault(t => t.TaskId == taskId);
}
