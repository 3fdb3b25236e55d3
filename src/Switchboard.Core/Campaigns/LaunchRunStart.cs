using Switchboard.Core.Storage;

namespace Switchboard.Core.Campaigns;

/// <summary>What starting a run writes in one transaction: the run, its tasks with their button tokens, and the checklist card post.</summary>
public sealed record LaunchRunStart(
    string Campaign,
    DateTimeOffset GoLive,
    string StartedBy,
    DateTimeOffset At,
    string Connector,
    string ChannelId,
    IReadOnlyList<LaunchTask> Tasks,
    Func<long, OutboxItemDraft> ChecklistCard);
