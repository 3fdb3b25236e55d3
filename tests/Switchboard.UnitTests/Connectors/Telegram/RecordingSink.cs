using System.Collections.Concurrent;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Connectors.Telegram;

/// <summary>An <see cref="IInboundSink"/> that records what it was handed and dedupes on the platform message id.</summary>
internal sealed class RecordingSink : IInboundSink
{
    private readonly ConcurrentDictionary<string, long> _stored = new();

    public ConcurrentQueue<InboundMessage> Messages { get; } = new();

    public ConcurrentQueue<CardActionRequest> Actions { get; } = new();

    public Func<CardActionRequest, CancellationToken, Task<CardActionResult>> OnAction { get; set; } =
        (_, _) => Task.FromResult(new CardActionResult(true, "Approved. The reply is on its way.", 7));

    public Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        var id = _stored.Count + 1;
        var duplicate = !_stored.TryAdd(message.PlatformMessageId, id);
        return Task.FromResult(new IngestResult(_stored[message.PlatformMessageId], duplicate));
    }

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Enqueue(request);
        return OnAction(request, cancellationToken);
    }
}
