namespace Switchboard.Core.Storage;

/// <summary>The outbox: outbound posts waiting for delivery, and where delivered cards landed.</summary>
public interface IOutboxStore
{
    /// <summary>Pending items whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a delivery. Called right after the platform accepted the post, to keep the window in which a
    /// crash would send it twice as small as it can be. For card posts the landing place is recorded too.
    /// </summary>
    Task MarkSentAsync(long outboxId, CardPost? landed, string? resultJson, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; <paramref name="dead"/> gives up on the item.</summary>
    Task MarkFailedAsync(long outboxId, string error, DateTimeOffset nextAttemptAt, bool dead, CancellationToken cancellationToken);

    Task<IReadOnlyList<CardPost>> GetCardPostsAsync(long caseId, string cardKind, CancellationToken cancellationToken);

    /// <summary>The state of one outbox item, or null when there is none with that id.</summary>
    Task<OutboxResult?> GetResultAsync(long outboxId, CancellationToken cancellationToken);

    /// <summary>Counts by status, for health and tests.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>Pending items of a case of one kind still waiting ahead of <paramref name="beforeId"/>.</summary>
    Task<bool> HasPendingAsync(long caseId, string kind, long beforeId, CancellationToken cancellationToken);
}
