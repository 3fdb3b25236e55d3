namespace Switchboard.Core.Governance.Audit;

/// <summary>How the chain is broken at the first bad entry.</summary>
public enum AuditProblem
{
    /// <summary>The entry's content does not match its hash: it was edited.</summary>
    HashMismatch,

    /// <summary>The entry does not point at the previous entry's hash: the previous entry was edited (and rehashed) or removed.</summary>
    BrokenLink,

    /// <summary>Sequence numbers skip: entries were deleted.</summary>
    Missing,

    /// <summary>Sequence numbers go backwards or repeat: entries were reordered or duplicated.</summary>
    OutOfOrder,

    /// <summary>The JSON in before/after cannot be parsed.</summary>
    Malformed,

    /// <summary>The chain ends before the expected head: entries at the end were deleted.</summary>
    Truncated,
}
