using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Drafting;

/// <summary>Drafts the reply for the case's intent and where the customer wrote (public or private).</summary>
public sealed class DraftStep(DraftComposer composer) : IPipelineStep
{
    public string Name => "draft";

    public Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var draft = composer.Compose(context.Next, context.Triage!.Intent, context.Next.ReplyIsPublic);
        context.Draft = draft;
        context.Next = context.Next with { DraftText = draft };
        return next(cancellationToken);
    }
}
