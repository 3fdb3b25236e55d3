using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>A started launch of a campaign: where its checklist lives, its task states and the reminders already sent.</summary>
/// <param name="ChecklistOutboxId">The outbox item that posts the checklist card; later changes edit that card in place.</param>
public sealed record LaunchRun(
    long Id,
    string Campaign,
    DateTimeOffset GoLive,
    string StartedBy,
    DateTimeOffset StartedAt,
    ChannelAddress Channel,
    IReadOnlyList<LaunchTask> Tasks,
    IReadOnlySet<string> RemindersSent,
    long? ChecklistOutboxId = null)
{
    public LaunchTask? Task(string taskId) => Tasks.FirstOrDefault(t => t.TaskId == taskId);
}
