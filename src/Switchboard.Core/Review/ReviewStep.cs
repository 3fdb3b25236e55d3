using System.Text.Json;
using Switchboard.Core.Cards;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Review;

/// <summary>
/// Decides who signs off the reply: noise is filtered, incident-cluster members join the incident,
/// sensitive or uncertain cases get a review card in the owner's channel, and only what policy allows
/// is sent without a person.
/// </summary>
public sealed class ReviewStep(ICaseStore cases, ReviewCardOutbox cards, TimeProvider time) : IPipelineStep
{
    public string Name => "review";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var triage = context.Triage!;
        var route = context.Route!;
        var now = time.GetUtcNow();
        var nextVersion = context.Case.Version + 1;

        if (triage.Intent == Intents.Noise && !triage.NeedsHuman)
        {
            context.Outcome = ReviewOutcome.Filtered;
            context.Next = context.Next with { Status = CaseStatus.Resolved, ResolvedAt = now };
            context.Events.Add(new CaseEventDraft("review.filtered", "system:review", null, triage.DecidedBy));
        }
        else if (triage.ClusterId is { } clusterId
            && await cases.FindOpenByClusterAsync(clusterId, cancellationToken) is { } incident
            && incident.Id != context.Case.Id)
        {
            // One incident card for the surge: members wait for the incident's status reply.
            context.Outcome = ReviewOutcome.JoinedIncident;
            context.Next = context.Next with { Status = CaseStatus.AwaitingApproval };
            context.Events.Add(new CaseEventDraft("cluster.joined", "system:review", JsonSerializer.Serialize(new { incidentCase = incident.Id, cluster = clusterId, size = triage.ClusterSize }), triage.DecidedBy));
        }
        else if (NeedsHuman(triage, route))
        {
            context.Outcome = ReviewOutcome.AwaitingHuman;
            context.Next = context.Next with { Status = CaseStatus.AwaitingApproval };
            var kind = triage.ClusterId is not null ? CardKinds.Incident : CardKinds.Review;
            var (tokenDrafts, tokens) = cards.IssueTokens();
            context.ActionTokens.AddRange(tokenDrafts);
            var card = cards.Compose(kind, context.Next, nextVersion, context.Message, triage.Reasons, Math.Max(1, triage.ClusterSize), tokens, null);
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
                    JsonSerializer.Serialize(new { card = kind, owner = route.OwnerTeam, channels = route.ReviewChannels.Select(c => $"{c.Connector}:{c.ChannelId}") }),
                    route.RuleId));
            }
        }
        else
        {
            context.Outcome = ReviewOutcome.AutoSend;
            context.Events.Add(new CaseEventDraft(
                "review.auto_approved",
                "system:review",
                JsonSerializer.Serialize(new { confidence = Math.Round(triage.Confidence, 3), threshold = route.AutoSendAtConfidence }),
                route.RuleId));
        }

        await next(cancellationToken);
    }

    private static bool NeedsHuman(TriageResult triage, Routing.RouteDecision route) =>
        triage.NeedsHuman
        || route.HumanRequired
        || route.AutoSendAtConfidence is not { } threshold
        || triage.Confidence < threshold;
}
