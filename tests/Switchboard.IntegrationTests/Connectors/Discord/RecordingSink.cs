using System.Collections.Concurrent;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>An inbound sink that records what the connector hands over (for gateway tests that need no pipeline).</summary>
internal sealed class RecordingSink : IInboundSink
{
    private long _ids;

    public ConcurrentQueue<InboundMessage> Messages { get; } = new();

    public ConcurrentQueue<CardActionRequest> Actions { get; } = new();

    public Func<CardActionRequest, CardActionResult> Decide { get; set; } = _ => new CardActionResult(true, "Done.", 1);

    /// <summary>How many of the next ingests throw (storage down).</summary>
    public int FailIngests { get; set; }

    public Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (FailIngests > 0)
        {
            FailIngests--;
            throw new IOException("database is locked");
        }

        Messages.Enqueue(message);
        return Task.FromResult(new IngestResult(Interlocked.Increment(ref _ids), false));
    }

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Enqueue(request);
        return Task.FromResult(Decide(request));
    }
}
