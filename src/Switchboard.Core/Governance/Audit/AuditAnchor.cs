namespace Switchboard.Core.Governance.Audit;

/// <summary>
/// A head the verifier must reach (the last seq and hash, published or stored elsewhere): without it, deleting
/// the newest entries leaves a valid, shorter chain.
/// </summary>
public sealed record AuditAnchor(long Seq, string Hash);
