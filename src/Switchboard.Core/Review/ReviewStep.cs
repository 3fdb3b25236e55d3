using System.Text.Json;
using Switchboard.Core.Cards;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Review;

/// <summary>
/// Decides who signs off the reply: noise is filtered, incident-cluster members join the incident,
/// sensitive or uncertain cases get a review card in the owner's channels, and a draft goes out without
/// a person only when the matrix allows it and no mandatory-human rule (refunds, legal, safety, outage
/// wording, reputation risk) applies. The message that opens an incident folds the cluster's earlier reports
/// into it (<see cref="IncidentFolding"/>), so their review cards close and the incident card is the only one.
/// </summary>
public sealed class ReviewStep(ICaseStore cases, ReviewCardOutbox cards, IncidentFolding folding, TimeProvider time) : IPipelineStep
{
    public string Name => "review";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var triage = context.Triage!;
        var route = context.Route!;
        var nextVersion = context.Case.Version + 1;

        if (route.Filtered && !triage.NeedsHuman)
        {
            context.Outcome = ReviewOutcome.Filtered;
            context.Next = context.Next with { Status = CaseStatus.Resolved, ResolvedAt = time.GetUtcNow() };
            context.Events.Add(new CaseEventDraft("review.filtered", "system:review", null, route.AuditRule));
        }
        else if (triage.ClusterId is { } clusterId
            && await cases.FindOpenByClusterAsync(clusterId, cancellationToken) is { } incident
            && incident.Id != context.Case.Id)
        {
            // One incident card for the surge: members wait for the incident's one status reply.
            context.Outcome = ReviewOutcome.JoinedIncident;
            context.Next = context.Next with { Status = CaseStatus.AwaitingApproval };
            context.Events.Add(new CaseEventDraft("cluster.joined", "system:review", JsonSerializer.Serialize(new { incidentCase = incident.Id, cluster = clusterId, size = triage.ClusterSize }), triage.DecidedBy));
        }
        else if (AutoSend(context) is { Allowed: true } allowed)
        {
            context.Outcome = ReviewOutcome.AutoSend;
            context.Events.Add(new CaseEventDraft(
                "review.auto_approved",
                "system:review",
                JsonSerializer.Serialize(new { confidence = Math.Round(triage.Confidence, 3), policy = route.Approval.Policy, reason = route.Approval.Reason }),
                allowed.Rule));
        }
        else
        {
            context.Outcome = ReviewOutcome.AwaitingHuman;
            context.Next = context.Next with { Status = CaseStatus.AwaitingApproval, NeedsHuman = true };
            var kind = triage.ClusterId is not null ? CardKinds.Incident : CardKinds.Review;
            var (tokenDrafts, tokens) = cards.IssueTokens(context.Next);
            context.ActionTokens.AddRange(tokenDrafts);
            var reasons = triage.Reasons.Append($"approval: {route.Approval.Reason}").Concat(context.Drafts?.Notes ?? []).ToList();
            if (kind == CardKinds.Incident && await folding.FoldAsync(context.Case.Id, triage, cancellationToken) is { Count: > 0 } folded)
            {
                reasons.Add($"{folded.Count} earlier {(folded.Count == 1 ? "report" : "reports")} folded in: {string.Join(", ", folded.Select(id => $"#{id}"))}");
                context.Events.Add(new CaseEventDraft("cluster.folded", "system:review", JsonSerializer.Serialize(new { cluster = triage.ClusterId, cases = folded }), triage.DecidedBy));
            }

            var card = cards.Compose(kind, context.Next, nextVersion, context.Message, reasons, Math.Max(1, triage.ClusterSize), tokens, null);
            var events = await cases.GetEventsAsync(context.Case.Id, cancellationToken);
            var alreadyPosted = events.Any(e => e.Kind == "review.requested" && e.Detail is { } d && d.Contains($"\"card\":\"{kind}\"", StringComparison.Ordinal));
            if (alreadyPosted)
            {
                context.Outbox.Add(ReviewCardOutbox.UpdateAll(context.Case.Id, card));
            }
            else
            {
                context.Outbox.AddRange(ReviewCardOutbox.PostTo(route.ReviewChannels, card));
                context.Events.Add(new CaseEventDraft(
                    "review.requested",
                    "system:review",
                    JsonSerializer.Serialize(new { card = kind, owner = route.OwnerTeam, approver = route.Approval.Role, channels = route.ReviewChannels.Select(c => $"{c.Connector}:{c.ChannelId}") }),
                    route.AuditRule));
            }
        }

        await next(cancellationToken);
    }

    private static AuthorizationResult? AutoSend(PipelineContext context)
    {
        if (context.Triage!.NeedsHuman || context.Drafts is null || context.Drafts.NeedsHuman || context.Draft is null)
        {
            return null;
        }

        return ActionAuthorizer.AuthorizeAutoSend(context.Route!, context.Route!.Flags);
    }
}
