using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Drafts the replies (acknowledge, act, anchor) for the case's intent and public mode: a public reply with
/// a breadcrumb when the work moves to a DM, and the private reply. Public drafts never carry personal data.
/// </summary>
public sealed class DraftStep(ReplyDrafter drafter) : IPipelineStep
{
    public string Name => "draft";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var decision = context.Route!;
        var message = context.Message.Message;
        var drafts = await drafter.ComposeAsync(
            new DraftRequest(decision, message.Platform, message.IsPublic, context.Message.EffectiveText, context.Triage!.Pii)
            {
                CustomerName = message.AuthorHandle,
            },
            cancellationToken);
        context.Drafts = drafts;
        var first = drafts.Public ?? drafts.Private;
        // A message that yields no draft (a follow-up while the reply is held, say) keeps the case's current draft.
        context.Draft = first?.Text ?? context.Next.DraftText;
        context.Next = context.Next with
        {
            DraftText = first?.Text ?? context.Next.DraftText,
            DraftPrivateText = first is null ? context.Next.DraftPrivateText : drafts.Public is not null ? drafts.Private?.Text : null,
            NeedsHuman = context.Next.NeedsHuman || drafts.NeedsHuman,
        };
        if (first is not null)
        {
            context.Events.Add(new CaseEventDraft(
                "draft.composed",
                "system:draft",
                JsonSerializer.Serialize(new
                {
                    publicTemplate = drafts.Public?.TemplateId,
                    privateTemplate = drafts.Private?.TemplateId,
                    held = drafts.Held,
                    redactions = (drafts.Public?.Redactions ?? 0) + (drafts.Private?.Redactions ?? 0),
                    notes = drafts.Notes,
                }),
                drafts.TemplateVersion));
        }

        await next(cancellationToken);
    }
}
