using System.Text.Json;
using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Ingest;

/// <summary>
/// Puts the stored message into a case: the customer's open case on the same platform (so a public
/// comment and the DM that follows are one case), or a new one.
/// </summary>
public sealed class IngestStep(ICaseStore cases, CsatRecorder csat, TimeProvider time) : IPipelineStep
{
    public string Name => "ingest";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var stored = context.Message;
        var message = stored.Message;
        if (stored.CaseId is null && await TryRecordRatingAsync(context, cancellationToken))
        {
            return;
        }

        var existing = stored.CaseId is { } caseId
            ? await cases.GetAsync(caseId, cancellationToken)
            : await cases.FindOpenByCustomerAsync(message.CustomerKey, cancellationToken);

        var detail = JsonSerializer.Serialize(new
        {
            messageId = stored.Id,
            platform = message.Platform,
            channel = message.ChannelId,
            isPublic = message.IsPublic,
            hasVoice = message.HasVoice,
        });

        if (existing is null)
        {
            var now = time.GetUtcNow();
            var opened = new CaseRecord(0, message.CustomerKey, message.Platform, message.Connector, CaseStatus.New, 0, now, now)
            {
                CustomerHandle = message.AuthorHandle,
            };
            var result = await cases.CommitAsync(
                new CaseCommit(WithReplyTarget(opened, message), ExpectedVersion: null)
                {
                    Events = [new CaseEventDraft("case.opened", "system:ingest", detail), new CaseEventDraft("message.received", "system:ingest", detail)],
                    AttachMessageIds = [stored.Id],
                },
                cancellationToken);
            context.Case = result.Case!;
            context.OpenedCase = true;
        }
        else if (stored.CaseId is null)
        {
            var result = await cases.CommitAsync(
                new CaseCommit(WithReplyTarget(existing, message), existing.Version)
                {
                    Events = [new CaseEventDraft("message.received", "system:ingest", detail)],
                    AttachMessageIds = [stored.Id],
                },
                cancellationToken);
            if (!result.Committed)
            {
                // A reviewer changed the case meanwhile: the message stays unprocessed and is retried.
                context.StoppedBecause = "case changed concurrently";
                return;
            }

            context.Case = result.Case!;
        }
        else
        {
            // Re-run after a crash: the message already joined this case.
            context.Case = existing;
        }

        context.Message = stored with { CaseId = context.Case.Id };
        context.Next = context.Case;
        await next(cancellationToken);
    }

    /// <summary>
    /// A bare "1"–"5" from a customer whose latest case was resolved and asked for a rating is that rating:
    /// it is recorded on the case (csat.rated) instead of opening a new case.
    /// </summary>
    private async Task<bool> TryRecordRatingAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var message = context.Message.Message;
        if (CsatPrompt.ScoreOf(message.Text) is not { } score
            || await cases.FindLatestByCustomerAsync(message.CustomerKey, cancellationToken) is not { Status: CaseStatus.Resolved } rated)
        {
            return false;
        }

        var events = await cases.GetEventsAsync(rated.Id, cancellationToken);
        if (!events.Any(e => e.Kind == "csat.prompted") || events.Any(e => e.Kind == CaseEventKinds.CsatRated)
            || await csat.RecordAsync(rated.Id, score, message.Platform, cancellationToken) is not null)
        {
            return false;
        }

        var result = await cases.CommitAsync(
            new CaseCommit(rated, rated.Version)
            {
                Events = [new CaseEventDraft("message.received", "system:ingest", JsonSerializer.Serialize(new { messageId = context.Message.Id, platform = message.Platform, csat = score }))],
                AttachMessageIds = [context.Message.Id],
                CompletesMessageId = context.Message.Id,
            },
            cancellationToken);
        context.Case = result.Case ?? rated;
        context.Committed = result.Case;
        context.StoppedBecause = result.Committed ? null : "case changed concurrently";
        return result.Committed;
    }

    /// <summary>Replies go where the customer last wrote: a DM follow-up moves the conversation private.</summary>
    private static CaseRecord WithReplyTarget(CaseRecord c, InboundMessage m) => c with
    {
        ReplyChannelId = m.ChannelId,
        ReplyConversationId = m.ConversationId,
        ReplyThreadId = m.ThreadId,
        ReplyIsPublic = m.IsPublic,
        ReplyToPlatformMessageId = m.PlatformMessageId,
        Connector = m.Connector,
        CustomerHandle = m.AuthorHandle ?? c.CustomerHandle,
    };
}
