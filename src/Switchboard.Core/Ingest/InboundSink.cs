using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Ingest;

/// <summary>
/// The front door: a message is stored durably (idempotent on platform + platform message id) before the
/// caller may acknowledge the platform, then the pipeline worker is woken. Card actions go to review.
/// </summary>
public sealed class InboundSink(IMessageStore messages, PipelineSignal signal, ReviewActionService review, LaunchRunService? launchRuns = null) : IInboundSink
{
    public async Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var result = await messages.StoreAsync(message, cancellationToken);
        if (!result.Duplicate)
        {
            signal.Notify();
        }

        return result;
    }

    /// <remarks>Launch-run checklist buttons (task_done / task_blocked) carry tokens with their own prefix and go to the launch run.</remarks>
    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        launchRuns is not null && request.Token.StartsWith(LaunchRunService.TokenPrefix, StringComparison.Ordinal)
            ? launchRuns.HandleActionAsync(request, cancellationToken)
            : review.HandleAsync(request, cancellationToken);
}
