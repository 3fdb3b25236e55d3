namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Where long polling keeps its getUpdates offset (highest stored update_id + 1). The connector saves it only after
/// the sink has durably stored the update, so a crash redelivers at most the update in flight, which the sink's
/// (platform, platform message id) dedupe absorbs. The host backs this with its SQLite store.
/// </summary>
public interface ITelegramOffsetStore
{
    /// <summary>The saved offset, or null when polling has never run.</summary>
    Task<long?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(long nextOffset, CancellationToken cancellationToken);
}
