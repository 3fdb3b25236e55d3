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
public sealed class InboundSink(IMessageStore messages, PipelineSignal signal, ReviewActionService review) : IInboundSink
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

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        review.HandleAsync(request, cancellationToken);
}
