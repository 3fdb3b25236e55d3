using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cards;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Review;

/// <summary>
/// Folds the reports that arrived before an incident opened into it. Triage names the cluster's earlier members
/// (stored message ids) on the message that opens it; each one's case, when it is still waiting for approval and in
/// no cluster, becomes a member as a later report would (cluster id set, a <c>cluster.joined</c> event marked
/// folded) and every copy of its review card is closed in place, so the owner is left with the one incident card
/// and the incident's status reply answers those customers too. A case a person acted on meanwhile (its version
/// moved on) is left as it is.
/// </summary>
public sealed class IncidentFolding(ICaseStore cases, IMessageStore messages, ReviewCardOutbox cards, TimeProvider time, ILogger<IncidentFolding> logger)
{
    /// <summary>Folds the earlier members of the cluster <paramref name="triage"/> opens; returns the folded cases' ids.</summary>
    /// <param name="incidentCaseId">The case of the message that opens the cluster: the incident.</param>
    public async Task<IReadOnlyList<long>> FoldAsync(long incidentCaseId, TriageResult triage, CancellationToken cancellationToken)
    {
        if (!triage.OpensCluster || triage.ClusterId is not { } clusterId || triage.EarlierMembers.Count == 0)
        {
            return [];
        }

        var folded = new List<long>();
        var seen = new HashSet<long> { incidentCaseId };
        foreach (var member in triage.EarlierMembers)
        {
            // Two reports of one customer can share a case: fold each case once.
            if (!long.TryParse(member, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)
                || await messages.GetAsync(messageId, cancellationToken) is not { CaseId: { } caseId }
                || !seen.Add(caseId))
            {
                continue;
            }

            if (await cases.GetAsync(caseId, cancellationToken) is { Status: CaseStatus.AwaitingApproval, ClusterId: null } c
                && await FoldOneAsync(c, incidentCaseId, clusterId, triage, cancellationToken))
            {
                folded.Add(c.Id);
            }
        }

        Log.Folded(logger, incidentCaseId, folded.Count, triage.EarlierMembers.Count);
        return folded;
    }

    private async Task<bool> FoldOneAsync(CaseRecord c, long incidentCaseId, string clusterId, TriageResult triage, CancellationToken cancellationToken)
    {
        var next = c with { ClusterId = clusterId, Status = CaseStatus.AwaitingApproval };
        var history = await messages.ListByCaseAsync(c.Id, cancellationToken);
        var at = time.GetUtcNow().UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        // The card was posted as a review card: close those copies (no tokens, an outcome) under the same kind.
        var card = cards.Compose(
            CardKinds.Review,
            next,
            c.Version + 1,
            history.Count > 0 ? history[^1] : null,
            [],
            triage.ClusterSize,
            null,
            $"Folded into incident #{incidentCaseId} at {at}: the incident's status reply answers this customer");
        var result = await cases.CommitAsync(
            new CaseCommit(next, c.Version)
            {
                Events =
                [
                    new CaseEventDraft(
                        "cluster.joined",
                        "system:review",
                        JsonSerializer.Serialize(new { incidentCase = incidentCaseId, cluster = clusterId, size = triage.ClusterSize, folded = true }),
                        triage.DecidedBy),
                ],
                Outbox = [ReviewCardOutbox.UpdateAll(c.Id, card)],
            },
            cancellationToken);
        if (!result.Committed)
        {
            // Someone acted on the case between the read and the commit: a person already handled it.
            Log.FoldSkipped(logger, c.Id, incidentCaseId);
        }

        return result.Committed;
    }
}
