using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;
using Microsoft.Extensions.Options;
using Switchboard.Core.Governance;
using Switchboard.Core.Handoff;
using Switchboard.Core.Review.Moderation;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Review;

/// <summary>
/// Runs a reviewer's action from a card: Approve, Edit, Escalate, Retag, Resolve, Reopen. Every action is
/// checked against the token (forged → refused), the case version (stale or already handled → refused
/// with who did what), and the reviewer's roles; then the case change, its audit events, the reply and
/// the card updates are committed in one transaction. Two reviewers pressing Approve at once send one reply.
/// Moderation buttons (delete message, restrict or ban the author, pin a warning) go to <see cref="ModerationService"/>.
/// </summary>
public sealed class ReviewActionService(
    ICaseStore cases,
    IMessageStore messages,
    ReviewCardOutbox cards,
    ActionAuthorizer authorizer,
    ActorDirectory actors,
    Router router,
    CaseSlaClock sla,
    OutboxSignal outboxSignal,
    ModerationService moderation,
    IOptions<ZendeskOptions> ticketing,
    TimeProvider time,
    ILogger<ReviewActionService> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var token = await cases.FindActionTokenAsync(request.Token, cancellationToken);
        if (token is null)
        {
            Log.ActionRefused(logger, "unknown-token", request.Connector);
            return CardActionResult.Refused("This button is not valid: the action token is unknown or was tampered with.");
        }

        var current = await cases.GetAsync(token.CaseId, cancellationToken);
        if (current is null)
        {
            return CardActionResult.Refused("This case no longer exists.", token.CaseId);
        }

        if (current.Version != token.CaseVersion)
        {
            return CardActionResult.Refused(await StaleMessageAsync(current, cancellationToken), current.Id);
        }

        return await ApplyAsync(current, token.Action, request, cancellationToken);
    }

    /// <summary>
    /// An action on a case by its id rather than a card button (assign, resolve, reopen from the playground or a
    /// tool): the same role checks, audit and single-transaction commit, against the case as it is now.
    /// </summary>
    public async Task<CardActionResult> HandleCaseActionAsync(long caseId, string action, CardActionRequest request, CancellationToken cancellationToken)
    {
        var current = await cases.GetAsync(caseId, cancellationToken);
        return current is null
            ? CardActionResult.Refused($"Case {caseId} does not exist.", caseId)
            : await ApplyAsync(current, action, request, cancellationToken);
    }

    private async Task<CardActionResult> ApplyAsync(CaseRecord current, string action, CardActionRequest request, CancellationToken cancellationToken)
    {
        var actor = ActorName(request);
        if (ModerationActions.IsModeration(action))
        {
            // Moderation acts on the platform, not on the case: no new version, so the card stays up for the next step.
            return await moderation.ModerateAsync(current, action, ActorId(request), actor, cancellationToken);
        }

        var history = await messages.ListByCaseAsync(current.Id, cancellationToken);
        var latest = history.Count > 0 ? history[^1] : null;
        var decision = router.Route(CaseRoutingFacts.InputOf(current), CaseRoutingFacts.For(current, latest));
        var reviewer = actors.For(ActorId(request));
        var permission = action is "edit" ? Permissions.Edit : action;
        var verdict = authorizer.Authorize(reviewer, new AuthorizationRequest(permission, current.Intent, decision.Approval.Role, current.ReplyIsPublic));
        if (verdict.Allowed && action == "edit")
        {
            // Editing sends the reply too, so it needs the approval the case needs.
            verdict = authorizer.Authorize(reviewer, new AuthorizationRequest(Permissions.Approve, current.Intent, decision.Approval.Role, current.ReplyIsPublic));
        }

        if (!verdict.Allowed)
        {
            var refusal = Sentence(verdict.Refusal!);

            // Refusals are audited too, without a new case version, so the card stays actionable for others.
            await cases.AppendEventsAsync(
                current.Id,
                [new CaseEventDraft("review.refused", $"user:{actor}", JsonSerializer.Serialize(new { action = action, actorId = reviewer.Id, roles = reviewer.Roles, reason = refusal }), verdict.Rule)],
                cancellationToken);
            Log.ActionRefused(logger, "role", request.Connector);
            return CardActionResult.Refused(refusal, current.Id);
        }

        var plan = PlanAsync(current, decision, latest, action, request, actor, verdict.Rule);
        if (plan.Refusal is not null)
        {
            return CardActionResult.Refused(plan.Refusal, current.Id);
        }

        var clocks = CaseSlaClock.Read(await cases.GetSlaAsync(current.Id, cancellationToken));
        var commit = plan.Commit! with { Sla = clocks is null ? null : SlaAfter(clocks, action, plan.Commit!.Case, latest) };
        var result = await cases.CommitAsync(commit, cancellationToken);
        if (!result.Committed)
        {
            var now = await cases.GetAsync(current.Id, cancellationToken);
            return CardActionResult.Refused(now is null ? "This case changed meanwhile." : await StaleMessageAsync(now, cancellationToken), current.Id);
        }

        if (action is "approve" or "edit" && current.ClusterId is not null && decision.OneReplyPerCluster)
        {
            await ReplyToClusterMembersAsync(current, plan.ReplyText!, actor, cancellationToken);
        }

        outboxSignal.Notify();

        Log.ActionApplied(logger, action, current.Id);
        return new CardActionResult(true, plan.Outcome!, current.Id);
    }

    private ActionPlan PlanAsync(CaseRecord c, RoutingDecision decision, StoredMessage? latest, string action, CardActionRequest request, string actor, string rule)
    {
        var now = time.GetUtcNow();
        var at = now.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var version = c.Version + 1;
        var cardKind = c.ClusterId is not null ? CardKinds.Incident : CardKinds.Review;
        switch (action)
        {
            case "approve":
            case "edit":
            {
                var text = action == "edit" ? request.EditedText?.Trim() : c.DraftText;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return ActionPlan.Refuse(action == "edit" ? "Edit needs the new reply text." : "There is no draft to approve.");
                }

                if (c.Status is not (CaseStatus.AwaitingApproval or CaseStatus.Triaged or CaseStatus.Reopened))
                {
                    return ActionPlan.Refuse($"This case is {c.Status.ToWire().Replace('_', ' ')}: there is nothing to approve.");
                }

                var verb = action == "edit" ? "Edited and sent" : "Approved";
                var outcome = $"{verb} by {actor} at {at}";
                var next = c with { Status = CaseStatus.Replied, FirstRespondedAt = c.FirstRespondedAt ?? now, Assignee = c.Assignee ?? actor };
                var card = cards.Compose(cardKind, next, version, latest, [], 0, null, outcome);
                var detail = action == "edit"
                    ? JsonSerializer.Serialize(new { before = c.DraftText, after = text })
                    : JsonSerializer.Serialize(new { draft = c.DraftText });
                return ActionPlan.Do(
                    new CaseCommit(next, c.Version)
                    {
                        Events = [new CaseEventDraft(action == "edit" ? "review.edited" : "review.approved", $"user:{actor}", detail, rule), new CaseEventDraft("reply.queued", $"user:{actor}", JsonSerializer.Serialize(new { isPublic = c.ReplyIsPublic, privateToo = c.ReplyIsPublic && c.DraftPrivateText is not null }), null)],
                        Outbox = [.. ReviewCardOutbox.Replies(c, text), ReviewCardOutbox.UpdateAll(c.Id, card), .. Handoff(c, decision)],
                    },
                    outcome,
                    text);
            }

            case "escalate":
            {
                var escalated = router.Escalate(decision, CaseRoutingFacts.For(c, latest));
                var target = escalated.OwnerTeam;
                var outcome = $"Escalated by {actor} to {target} at {at}";
                var next = c with
                {
                    Severity = escalated.Severity,
                    OwnerTeam = target,
                    Status = CaseStatus.AwaitingApproval,
                    FirstResponseDueAt = c.FirstRespondedAt is null ? escalated.FirstResponseDueAt ?? c.FirstResponseDueAt : c.FirstResponseDueAt,
                    ResolutionDueAt = escalated.ResolutionDueAt ?? c.ResolutionDueAt,
                };
                var (tokenDrafts, tokens) = cards.IssueTokens(next);
                var closed = cards.Compose(cardKind, next, version, latest, [], 0, null, outcome);
                var fresh = cards.Compose(cardKind, next, version, latest, [$"escalated by {actor} from {c.OwnerTeam}", $"approval: {escalated.Approval.Reason}"], 1, tokens, null);
                return ActionPlan.Do(
                    new CaseCommit(next, c.Version)
                    {
                        Events = [new CaseEventDraft("review.escalated", $"user:{actor}", JsonSerializer.Serialize(new { fromTeam = c.OwnerTeam, toTeam = target, fromSeverity = c.Severity, toSeverity = next.Severity }), escalated.AuditRule)],
                        Outbox = [ReviewCardOutbox.UpdateAll(c.Id, closed), .. ReviewCardOutbox.PostTo(escalated.ReviewChannels, fresh)],
                        ActionTokens = tokenDrafts,
                    },
                    outcome,
                    null);
            }

            case "retag":
            {
                var intent = request.NewIntent?.Trim().ToLowerInvariant();
                if (intent is null || !Intents.IsKnown(intent))
                {
                    return ActionPlan.Refuse($"Retag needs one of: {string.Join(", ", Intents.All)}.");
                }

                var retagged = router.Route(new RouteInput(intent, c.Severity ?? Severities.Normal, 1.0, true, c.ClusterId), CaseRoutingFacts.For(c, latest));
                var owner = retagged.OwnerTeam;
                var moved = !string.Equals(owner, c.OwnerTeam, StringComparison.OrdinalIgnoreCase);
                var outcome = moved ? $"Retagged {intent} by {actor} at {at}; moved to {owner}" : $"Retagged {intent} by {actor} at {at}";
                var next = c with { Intent = intent, OwnerTeam = owner, Status = CaseStatus.AwaitingApproval };
                var (tokenDrafts, tokens) = cards.IssueTokens(next);
                var fresh = cards.Compose(cardKind, next, version, latest, [$"retagged by {actor} from {c.Intent}"], 1, tokens, null);
                var events = new List<CaseEventDraft>
                {
                    new("review.retagged", $"user:{actor}", JsonSerializer.Serialize(new { from = c.Intent, to = intent, messageId = latest?.Id }), null),
                };
                if (moved)
                {
                    events.Add(new CaseEventDraft("route.assigned", $"user:{actor}", JsonSerializer.Serialize(new { from = c.OwnerTeam, to = owner }), retagged.AuditRule));
                }

                IReadOnlyList<OutboxItemDraft> outbox = moved
                    ? [ReviewCardOutbox.UpdateAll(c.Id, cards.Compose(cardKind, next, version, latest, [], 0, null, outcome)), .. ReviewCardOutbox.PostTo(retagged.ReviewChannels, fresh)]
                    : [ReviewCardOutbox.UpdateAll(c.Id, fresh)];
                return ActionPlan.Do(new CaseCommit(next, c.Version) { Events = events, Outbox = outbox, ActionTokens = tokenDrafts }, outcome, null);
            }

            case "resolve":
            {
                var outcome = $"Resolved by {actor} at {at}";
                var next = c with { Status = CaseStatus.Resolved, ResolvedAt = now };
                return ActionPlan.Do(
                    new CaseCommit(next, c.Version)
                    {
                        Events = [new CaseEventDraft("case.resolved", $"user:{actor}", null, null), new CaseEventDraft("csat.prompted", "system:csat", null, null)],
                        Outbox = [ReviewCardOutbox.UpdateAll(c.Id, cards.Compose(cardKind, next, version, latest, [], 0, null, outcome)), ReviewCardOutbox.Reply(c.ReplyIsPublic ? ReviewCardOutbox.DirectMessageTargetOf(c) : ReviewCardOutbox.ReplyTargetOf(c), CsatPrompt.Text)],
                    },
                    outcome,
                    null);
            }

            case "assign":
            {
                var assignee = request.Assignee?.Trim();
                if (string.IsNullOrEmpty(assignee))
                {
                    return ActionPlan.Refuse("Assign needs the person to assign the case to.");
                }

                assignee = assignee.StartsWith('@') ? assignee : "@" + assignee;
                var outcome = $"Assigned to {assignee} by {actor} at {at}";
                return ActionPlan.Do(
                    new CaseCommit(c with { Assignee = assignee }, c.Version)
                    {
                        Events = [new CaseEventDraft("case.assigned", $"user:{actor}", JsonSerializer.Serialize(new { from = c.Assignee, to = assignee }), rule)],
                    },
                    outcome,
                    null);
            }

            case "reopen":
            {
                if (c.Status != CaseStatus.Resolved)
                {
                    return ActionPlan.Refuse($"Case #{c.Id} is {c.Status.ToWire().Replace('_', ' ')}, not resolved: there is nothing to reopen.");
                }

                var outcome = $"Reopened by {actor} at {at}";
                var next = c with { Status = CaseStatus.Reopened, ResolvedAt = null };
                var (tokenDrafts, tokens) = cards.IssueTokens(next);
                var fresh = cards.Compose(cardKind, next, version, latest, [$"reopened by {actor}"], 1, tokens, null);
                return ActionPlan.Do(
                    new CaseCommit(next, c.Version)
                    {
                        Events = [new CaseEventDraft("case.reopened", $"user:{actor}", null, rule)],
                        Outbox = [.. ReviewCardOutbox.PostTo(decision.ReviewChannels, fresh)],
                        ActionTokens = tokenDrafts,
                    },
                    outcome,
                    null);
            }

            default:
                return ActionPlan.Refuse($"'{action}' is not an action Switchboard knows.");
        }
    }

    private async Task ReplyToClusterMembersAsync(CaseRecord incident, string text, string actor, CancellationToken cancellationToken)
    {
        // The incident's one status reply reaches every customer who reported the same problem.
        // Filtered by cluster in the store (indexed): a busy queue of unrelated cases must not crowd members out.
        var members = await cases.ListAsync(new CaseQuery(Status: CaseStatus.AwaitingApproval, Limit: 10_000) { ClusterId = incident.ClusterId }, cancellationToken);
        foreach (var member in members.Where(m => m.Id != incident.Id))
        {
            await cases.CommitAsync(
                new CaseCommit(member with { Status = CaseStatus.Replied, FirstRespondedAt = member.FirstRespondedAt ?? time.GetUtcNow() }, member.Version)
                {
                    Events = [new CaseEventDraft("reply.queued", $"user:{actor}", JsonSerializer.Serialize(new { incidentCase = incident.Id, isPublic = member.ReplyIsPublic }), "incident-status-reply")],
                    Outbox = [ReviewCardOutbox.Reply(ReviewCardOutbox.ReplyTargetOf(member), text)],
                },
                cancellationToken);
        }
    }

    private async Task<string> StaleMessageAsync(CaseRecord c, CancellationToken cancellationToken)
    {
        var events = await cases.GetEventsAsync(c.Id, cancellationToken);
        var last = events.LastOrDefault(e => e.Kind.StartsWith("review.", StringComparison.Ordinal) && e.Actor.StartsWith("user:", StringComparison.Ordinal) && e.Kind != "review.refused");
        if (last is null)
        {
            // A report folded into an incident when it opened: its own card is closed, the incident card answers it.
            return events.LastOrDefault(e => e.Kind == "cluster.joined") is { } joined && IncidentOf(joined.Detail) is { } incident
                ? $"This report was folded into incident #{incident}: its status reply answers this customer."
                : "This card is out of date: the case changed since it was posted.";
        }

        var verb = last.Kind["review.".Length..];
        return $"This case was already {verb} by {last.Actor["user:".Length..]} at {last.At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}.";
    }

    private static long? IncidentOf(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(detail);
        return document.RootElement.TryGetProperty("incidentCase", out var incident) && incident.TryGetInt64(out var id) ? id : null;
    }

    /// <summary>How the action moves the SLA clocks: a reply meets the first response; a new owner re-applies the targets.</summary>
    private SlaRecord SlaAfter(CaseSlaState clocks, string action, CaseRecord next, StoredMessage? latest)
    {
        var now = time.GetUtcNow();
        var state = action switch
        {
            "approve" or "edit" => sla.Replied(clocks, now),
            "resolve" => sla.Resolved(clocks, now),
            "reopen" => sla.Reopened(clocks, now),
            "escalate" or "retag" when next.OwnerTeam != clocks.OwnerTeam =>
                sla.OwnerChanged(clocks, router.Route(CaseRoutingFacts.InputOf(next), CaseRoutingFacts.For(next, latest)) with { OwnerTeam = next.OwnerTeam! }, now),
            _ => clocks,
        };
        return sla.Write(state, now);
    }

    /// <summary>The private handoff the matrix asks for: a CRM ticket with the case's history, once per case.</summary>
    private IEnumerable<OutboxItemDraft> Handoff(CaseRecord c, RoutingDecision decision)
    {
        if (ticketing.Value.Enabled && c.TicketRef is null && decision.PrivateHandoff == PrivateHandoffs.TicketWithAccountContext)
        {
            yield return new OutboxItemDraft(OutboxKinds.HandoffTicket, "zendesk", JsonSerializer.Serialize(new { caseId = c.Id }), "{}");
        }
    }

    /// <summary>The identity roles are configured for: "{connector}:{platform user id}" (playground: "playground:dana").</summary>
    public static string ActorId(CardActionRequest request) => $"{request.Connector}:{request.ActorId}";

    private static string Sentence(string refusal) => char.ToUpperInvariant(refusal[0]) + refusal[1..] + (refusal.EndsWith('.') ? string.Empty : ".");

    private static string ActorName(CardActionRequest request)
    {
        var name = string.IsNullOrWhiteSpace(request.ActorHandle) ? request.ActorId : request.ActorHandle;
        return name.StartsWith('@') ? name : "@" + name;
    }

    private sealed record ActionPlan(CaseCommit? Commit, string? Outcome, string? ReplyText, string? Refusal)
    {
        public static ActionPlan Do(CaseCommit commit, string outcome, string? replyText) => new(commit, outcome, replyText, null);

        public static ActionPlan Refuse(string message) => new(null, null, null, message);
    }
}
