using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Review;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Sending;

/// <summary>
/// Commits the message's effect in one transaction: the case change, its events, the outbox items
/// (cards to post, the auto-approved reply) and the action tokens. The outbox sender delivers them.
/// </summary>
public sealed class SendStep(ICaseStore cases, CaseSlaClock sla, OutboxSignal outboxSignal, TimeProvider time) : IPipelineStep
{
    public string Name => "send";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        if (context.Outcome == ReviewOutcome.AutoSend && context.Draft is { } draft)
        {
            context.Outbox.AddRange(ReviewCardOutbox.Replies(context.Next, draft));
            var now = time.GetUtcNow();
            context.Next = context.Next with { Status = CaseStatus.Replied, FirstRespondedAt = context.Next.FirstRespondedAt ?? now };
            context.Events.Add(new CaseEventDraft("reply.queued", "system:send", JsonSerializer.Serialize(new { isPublic = context.Next.ReplyIsPublic, auto = true }), null));
        }

        var clocks = await SlaAfterAsync(context, cancellationToken);
        var result = await cases.CommitAsync(
            new CaseCommit(context.Next, context.Case.Version)
            {
                Events = context.Events,
                Outbox = context.Outbox,
                ActionTokens = context.ActionTokens,
                CompletesMessageId = context.Message.Id,
                CompletedTriageJson = context.Triage is null ? null : JsonSerializer.Serialize(context.Triage, ReviewCardOutbox.Json),
                Sla = clocks is null ? null : sla.Write(clocks, time.GetUtcNow()),
            },
            cancellationToken);
        if (!result.Committed)
        {
            context.StoppedBecause = "case changed concurrently; the message is retried";
            return;
        }

        context.Committed = result.Case;
        if (context.Outbox.Count > 0)
        {
            outboxSignal.Notify();
        }

        await next(cancellationToken);
    }

    /// <summary>The case's SLA clocks after this message: started or re-applied by routing, met by an automatic reply, stopped when filtered.</summary>
    private async Task<CaseSlaState?> SlaAfterAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = CaseSlaClock.Read(await cases.GetSlaAsync(context.Case.Id, cancellationToken));
        if (context.Route is { Filtered: false } decision)
        {
            state = sla.Routed(state, decision, context.Case.OpenedAt, now);
        }

        return (context.Outcome, state) switch
        {
            (_, null) => null,
            (ReviewOutcome.AutoSend, { } s) => sla.Replied(s, now),
            (ReviewOutcome.Filtered, { } s) => sla.Resolved(s, now),
            (_, { } s) => s,
        };
    }
}
