using Switchboard.Core.Domain;

namespace Switchboard.Core.Storage;

/// <summary>
/// One atomic change to a case: the new case state, what to append to its event log, which messages
/// it now holds, and what to send because of it (the outbox). Either all of it is committed or none.
/// </summary>
/// <param name="Case">The case as it should be after the change (its Id is ignored when creating).</param>
/// <param name="ExpectedVersion">The version the change was computed from; null creates a new case.</param>
public sealed record CaseCommit(CaseRecord Case, int? ExpectedVersion)
{
    public IReadOnlyList<CaseEventDraft> Events { get; init; } = [];

    /// <summary>Messages that now belong to this case (a join, a link or a split).</summary>
    public IReadOnlyList<long> AttachMessageIds { get; init; } = [];

    /// <summary>A message whose trip through the pipeline this change completes.</summary>
    public long? CompletesMessageId { get; init; }

    public string? CompletedTriageJson { get; init; }

    public IReadOnlyList<OutboxItemDraft> Outbox { get; init; } = [];

    public IReadOnlyList<ActionTokenDraft> ActionTokens { get; init; } = [];

    /// <summary>The case's SLA clocks after the change (JSON), when the change touched them.</summary>
    public SlaRecord? Sla { get; init; }
}

/// <summary>Stored SLA clocks of a case and when the monitor should look at them next.</summary>
public sealed record SlaRecord(string StateJson, DateTimeOffset? NextCheckAt);

public enum CaseCommitStatus
{
    Committed,
    Conflict,
}

public sealed record CaseCommitResult(CaseCommitStatus Status, CaseRecord? Case)
{
    public bool Committed => Status == CaseCommitStatus.Committed;
}

/// <summary>An action token to issue with a card: storage maps it to case, action and case version.</summary>
public sealed record ActionTokenDraft(string Token, string Action);

/// <summary>An issued action token.</summary>
public sealed record ActionTokenRecord(string Token, long CaseId, string Action, int CaseVersion, DateTimeOffset CreatedAt);
