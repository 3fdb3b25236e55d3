using Switchboard.Core.Domain;

namespace Switchboard.Core.Storage;

/// <summary>Cases, their append-only event log, and the transactional commit of a case change with its outbox.</summary>
public interface ICaseStore
{
    Task<CaseRecord?> GetAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>The open case of a customer on a platform, if any (the newest one).</summary>
    Task<CaseRecord?> FindOpenByCustomerAsync(string customerKey, CancellationToken cancellationToken);

    /// <summary>The customer's most recent case, open or not.</summary>
    Task<CaseRecord?> FindLatestByCustomerAsync(string customerKey, CancellationToken cancellationToken);

    /// <summary>The open incident case that owns a cluster, if any: the oldest open case of the cluster that did not join it (no <c>cluster.joined</c> event).</summary>
    Task<CaseRecord?> FindOpenByClusterAsync(string clusterId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a case change, its events, message links, outbox items and action tokens in one transaction.
    /// Fails with <see cref="CaseCommitStatus.Conflict"/> when the case moved on since it was read.
    /// </summary>
    Task<CaseCommitResult> CommitAsync(CaseCommit commit, CancellationToken cancellationToken);

    /// <summary>Applies several case changes in one transaction (linking and splitting cases): all or none.</summary>
    Task<IReadOnlyList<CaseCommitResult>> CommitManyAsync(IReadOnlyList<CaseCommit> commits, CancellationToken cancellationToken);

    /// <summary>Appends audit events without changing the case (and so without invalidating its cards).</summary>
    Task AppendEventsAsync(long caseId, IReadOnlyList<CaseEventDraft> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseEvent>> GetEventsAsync(long caseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>The stored SLA clocks of a case, if it has any.</summary>
    Task<SlaRecord?> GetSlaAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>Cases whose SLA clocks are due for a look, earliest first.</summary>
    Task<IReadOnlyList<(long CaseId, SlaRecord Sla)>> ListSlaDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the SLA monitor did — the new clock state, its alert events and alert posts — in one
    /// transaction without changing the case (its cards stay actionable). Returns false, writing nothing, when
    /// the stored clocks are no longer <paramref name="expectedStateJson"/> (another monitor or a reviewer moved them).
    /// </summary>
    Task<bool> RecordSlaAsync(long caseId, string expectedStateJson, SlaRecord sla, IReadOnlyList<CaseEventDraft> events, IReadOnlyList<OutboxItemDraft> outbox, CancellationToken cancellationToken);

    /// <summary>Looks up an action token issued on a card.</summary>
    Task<ActionTokenRecord?> FindActionTokenAsync(string token, CancellationToken cancellationToken);
}

/// <summary>Filters for listing cases; null means any.</summary>
public sealed record CaseQuery(
    CaseStatus? Status = null,
    string? OwnerTeam = null,
    string? Intent = null,
    DateTimeOffset? OpenedFrom = null,
    DateTimeOffset? OpenedTo = null,
    int Limit = 500)
{
    /// <summary>Only the cases of this incident cluster (the incident and its members).</summary>
    public string? ClusterId { get; init; }
}
