using System.Text.Json;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Review;

/// <summary>
/// A reviewer's manual corrections of case boundaries: link two cases that are one issue (the second's
/// messages move into the first, which keeps the history; the second closes), or split a message out
/// into a case of its own. Both sides change in one transaction and both logs record it.
/// </summary>
public sealed class CaseLinkService(ICaseStore cases, IMessageStore messages, TimeProvider time)
{
    public async Task<CardActionResult> LinkAsync(long keepCaseId, long mergeCaseId, string reviewer, CancellationToken cancellationToken)
    {
        if (keepCaseId == mergeCaseId)
        {
            return CardActionResult.Refused("A case cannot be linked to itself.");
        }

        var keep = await cases.GetAsync(keepCaseId, cancellationToken);
        var merge = await cases.GetAsync(mergeCaseId, cancellationToken);
        if (keep is null || merge is null)
        {
            return CardActionResult.Refused($"Case {(keep is null ? keepCaseId : mergeCaseId)} does not exist.");
        }

        var moved = (await messages.ListByCaseAsync(mergeCaseId, cancellationToken)).Select(m => m.Id).ToArray();
        var actor = "user:@" + reviewer.TrimStart('@');
        var now = time.GetUtcNow();
        var results = await cases.CommitManyAsync(
            [
                new CaseCommit(keep, keep.Version)
                {
                    AttachMessageIds = moved,
                    Events = [new CaseEventDraft("case.linked", actor, JsonSerializer.Serialize(new { merged = mergeCaseId, messages = moved }))],
                },
                new CaseCommit(merge with { Status = CaseStatus.Resolved, ResolvedAt = now }, merge.Version)
                {
                    Events = [new CaseEventDraft("case.linked_into", actor, JsonSerializer.Serialize(new { into = keepCaseId, messages = moved }))],
                },
            ],
            cancellationToken);
        return results[0].Committed
            ? new CardActionResult(true, $"Case #{mergeCaseId} linked into case #{keepCaseId} ({moved.Length} messages moved).", keepCaseId)
            : CardActionResult.Refused("One of the cases changed meanwhile; try again.", keepCaseId);
    }

    public async Task<CardActionResult> SplitAsync(long messageId, string reviewer, CancellationToken cancellationToken)
    {
        var message = await messages.GetAsync(messageId, cancellationToken);
        if (message?.CaseId is not { } fromCaseId)
        {
            return CardActionResult.Refused($"Message {messageId} does not exist or has no case yet.");
        }

        var from = (await cases.GetAsync(fromCaseId, cancellationToken))!;
        var remaining = (await messages.ListByCaseAsync(fromCaseId, cancellationToken)).Count;
        if (remaining <= 1)
        {
            return CardActionResult.Refused("This is the case's only message: there is nothing to split it from.", fromCaseId);
        }

        var actor = "user:@" + reviewer.TrimStart('@');
        var now = time.GetUtcNow();
        var m = message.Message;
        var fresh = new CaseRecord(0, m.CustomerKey, m.Platform, m.Connector, CaseStatus.New, 0, now, now)
        {
            CustomerHandle = m.AuthorHandle,
            Intent = from.Intent,
            Severity = from.Severity,
            OwnerTeam = from.OwnerTeam,
            FirstOwnerTeam = from.OwnerTeam,
            ReplyChannelId = m.ChannelId,
            ReplyConversationId = m.ConversationId,
            ReplyThreadId = m.ThreadId,
            ReplyIsPublic = m.IsPublic,
            ReplyToPlatformMessageId = m.PlatformMessageId,
        };
        var results = await cases.CommitManyAsync(
            [
                new CaseCommit(fresh, null)
                {
                    AttachMessageIds = [messageId],
                    Events = [new CaseEventDraft("case.opened", actor, JsonSerializer.Serialize(new { splitFrom = fromCaseId, messageId }))],
                },
                new CaseCommit(from, from.Version)
                {
                    Events = [new CaseEventDraft("case.split", actor, JsonSerializer.Serialize(new { messageId }))],
                },
            ],
            cancellationToken);
        return results[0].Committed
            ? new CardActionResult(true, $"Message split out of case #{fromCaseId} into case #{results[0].Case!.Id}.", results[0].Case!.Id)
            : CardActionResult.Refused("The case changed meanwhile; try again.", fromCaseId);
    }
}
