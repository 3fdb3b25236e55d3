using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Ingest;

/// <summary>
/// Puts the stored message into a case: the customer's open case on the same platform (so a public
/// comment and the DM that follows are one case), or a new one.
/// </summary>
public sealed class IngestStep(ICaseStore cases, TimeProvider time) : IPipelineStep
{
    public string Name => "ingest";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var stored = context.Message;
        var message = stored.Message;
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
