using Switchboard.Core.Governance.Audit;

namespace Switchboard.Core.Storage;

/// <summary>Reads the hash-chained audit log (written together with every case event).</summary>
public interface IAuditLogStore
{
    /// <summary>Every entry in sequence order.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);
}
