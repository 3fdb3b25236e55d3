using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Campaigns;

/// <summary>Launch runs, reminders, clarifications and the report's reads; SQLite implements it beside the case tables.</summary>
public interface ICampaignStore
{
    /// <summary>Creates the run, its tasks and button tokens, and queues the checklist card, in one transaction.</summary>
    Task<LaunchRun> StartRunAsync(LaunchRunStart start, CancellationToken cancellationToken);

    Task<LaunchRun?> GetRunAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The latest run of a campaign, or null.</summary>
    Task<LaunchRun?> FindLatestRunAsync(string campaign, CancellationToken cancellationToken);

    /// <summary>Runs that still have open tasks or checkpoints to remind about.</summary>
    Task<IReadOnlyList<LaunchRun>> ListActiveRunsAsync(CancellationToken cancellationToken);

    Task<LaunchTokenTarget?> ResolveTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Sets a task's state and queues the refreshed checklist card in the same transaction.</summary>
    Task SetTaskStateAsync(long runId, string taskId, string state, string by, DateTimeOffset at, Func<LaunchRun, OutboxItemDraft> card, CancellationToken cancellationToken);

    /// <summary>Records a reminder once per run and key and queues its posts (the checklist's update, a notice) with it; false when it was already sent.</summary>
    Task<bool> RecordReminderAsync(long runId, string key, DateTimeOffset at, IReadOnlyList<OutboxItemDraft> posts, CancellationToken cancellationToken);

    /// <summary>Queues a post that belongs to no case (a command's answer card).</summary>
    Task EnqueueAsync(OutboxItemDraft post, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a suggested clarification with the token of its Pin button, and queues its card, in one transaction.</summary>
    /// <param name="source">The channel the repeated questions came from (where approval sends and pins it), when known.</param>
    Task<CampaignClarification> AddClarificationAsync(string campaign, string clusterKey, string text, int askCount, DateTimeOffset at, string? pinToken = null, OutboxItemDraft? card = null, ChannelAddress? source = null, CancellationToken cancellationToken = default);

    /// <summary>The clarification a Pin button token belongs to, or null.</summary>
    Task<CampaignClarification?> FindClarificationByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Keys of the clusters that already have a clarification for a campaign.</summary>
    Task<IReadOnlySet<string>> ClarificationKeysAsync(string campaign, CancellationToken cancellationToken);

    Task MarkClarificationPinnedAsync(long id, DateTimeOffset at, string? by = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Approves a clarification in one transaction: queues <paramref name="send"/> (the clarification's message) and, when
    /// <paramref name="pin"/> is given, the pin of that message (it gets the send's outbox id); records <paramref name="status"/>
    /// (pinned, or sent where the platform cannot pin) and <paramref name="note"/>. False when it was no longer suggested.
    /// </summary>
    Task<bool> ApproveClarificationAsync(long id, DateTimeOffset at, string by, string status, string note, OutboxItemDraft send, Func<long, OutboxItemDraft>? pin, CancellationToken cancellationToken);

    /// <summary>Every clarification of a campaign, oldest first.</summary>
    Task<IReadOnlyList<CampaignClarification>> ListClarificationsAsync(string campaign, CancellationToken cancellationToken);

    Task<CampaignReportData> ReadReportDataAsync(string campaign, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}
