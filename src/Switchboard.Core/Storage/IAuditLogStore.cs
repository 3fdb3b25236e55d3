using Switchboard.Core.Governance.Audit;

namespace Switchboard.Core.Storage;

/// <summary>The hash-chained audit log: written together with every case event, and directly for steps that belong to no case.</summary>
public interface IAuditLogStore
{
    /// <summary>
    /// Appends one entry that belongs to no case event (a refused chat command, for instance) to the same chain, so
    /// `switchboard audit verify` covers it too.
    /// </summary>
    Task AppendAsync(AuditEntryDraft entry, CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);
}
