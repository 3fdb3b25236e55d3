namespace Switchboard.Core.Governance.Audit;

/// <summary>An audit entry about to be appended; <see cref="AuditChain.Append"/> gives it its seq, time and hashes.</summary>
public sealed record AuditEntryDraft(
    string Actor,
    string Action,
    long? CaseId = null,
    string? Before = null,
    string? After = null,
    string? RuleOrModel = null);
