namespace Switchboard.Core.Governance.Audit;

/// <summary>The verifier's answer.</summary>
/// <param name="Checked">Entries read.</param>
/// <param name="FirstBadSeq">The seq of the first entry where the chain breaks (the seq expected there for a deletion).</param>
/// <param name="FirstBadIndex">Its position in the sequence read (0-based).</param>
/// <param name="HeadHash">The last good entry's hash: publish it as an <see cref="AuditAnchor"/>.</param>
public sealed record AuditVerification(
    bool Ok,
    long Checked,
    long? FirstBadSeq,
    int? FirstBadIndex,
    AuditProblem? Problem,
    string Message,
    long HeadSeq,
    string HeadHash);
