namespace Switchboard.Core.Governance.Audit;

/// <summary>
/// One entry of the append-only, hash-chained audit log: every review action, refusal and automatic decision.
/// <see cref="Hash"/> is SHA-256 over <see cref="AuditChain.CanonicalBytes"/> (which includes <see cref="PrevHash"/>),
/// so editing, deleting or reordering an entry breaks the chain at that entry.
/// </summary>
/// <param name="Seq">1, 2, 3, … without gaps.</param>
/// <param name="At">UTC, whole milliseconds (so any storage round-trips it exactly).</param>
/// <param name="Actor">A person (<c>user:@dana</c>) or a component (<c>system:router</c>).</param>
/// <param name="Action">Dotted name: <c>review.approved</c>, <c>review.refused</c>, <c>routing.decided</c>, …</param>
/// <param name="Before">JSON of the state before, or null.</param>
/// <param name="After">JSON of the state after, or null.</param>
/// <param name="RuleOrModel">The rule id or model version that decided, or null for a person's choice.</param>
/// <param name="PrevHash">The previous entry's hash (<see cref="AuditChain.GenesisHash"/> for the first).</param>
/// <param name="Hash">Lower-case hex SHA-256 of this entry's canonical form.</param>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    long? CaseId,
    string? Before,
    string? After,
    string? RuleOrModel,
    string PrevHash,
    string Hash);
