using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.Core.Storage;

/// <summary>Durable, idempotent storage of inbound messages: the queue the pipeline drains.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores the message durably (committed) and returns its id; a redelivery of the same
    /// (platform, platform message id) stores nothing and returns the first id with Duplicate = true.
    /// </summary>
    Task<IngestResult> StoreAsync(InboundMessage message, CancellationToken cancellationToken);

    Task<StoredMessage?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// The stored message with this platform id on this platform (the idempotency key), if Switchboard has seen it;
    /// for example the message a reply points at through <see cref="InboundMessage.ReplyToPlatformMessageId"/>.
    /// </summary>
    Task<StoredMessage?> FindByPlatformMessageIdAsync(string platform, string platformMessageId, CancellationToken cancellationToken);

    /// <summary>Messages not yet through the pipeline, oldest first.</summary>
    Task<IReadOnlyList<long>> ListUnprocessedAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredMessage>> ListByCaseAsync(long caseId, CancellationToken cancellationToken);

    Task SetTranscriptAsync(long messageId, string transcript, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
