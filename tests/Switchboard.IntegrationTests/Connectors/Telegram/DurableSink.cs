using System.Collections.Concurrent;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// Stands in for the durable ingest: it outlives connector "processes" in a test, dedupes on (platform, platform
/// message id) and counts every delivery, so a test can tell a redelivery from a second processing.
/// </summary>
internal sealed class DurableSink : IInboundSink
{
    private readonly ConcurrentDictionary<string, InboundMessage> _byKey = new();
    private readonly ConcurrentQueue<InboundMessage> _stored = new();

    public int Deliveries;

    public int Duplicates;

    /// <summary>Runs after a new message is stored (for example to simulate a crash right after the store).</summary>
    public Func<InboundMessage, Task> AfterStore { get; set; } = _ => Task.CompletedTask;

    /// <summary>Runs before storing; throwing here simulates the store being down.</summary>
    public Func<InboundMessage, Task> BeforeStore { get; set; } = _ => Task.CompletedTask;

    public IReadOnlyList<InboundMessage> Stored => [.. _stored];

    /// <summary>Card actions handed over (button presses, edited texts), in order.</summary>
    public ConcurrentQueue<CardActionRequest> Actions { get; } = new();

    public async Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Deliveries);
        await BeforeStore(message);
        if (!_byKey.TryAdd(message.Platform + "|" + message.PlatformMessageId, message))
        {
            Interlocked.Increment(ref Duplicates);
            return new IngestResult(0, Duplicate: true);
        }

        _stored.Enqueue(message);
        await AfterStore(message);
        return new IngestResult(_stored.Count, Duplicate: false);
    }

    public Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Enqueue(request);
        return Task.FromResult(new CardActionResult(true, "ok"));
    }

    public async Task WaitForAsync(int count)
    {
        for (var i = 0; i < 300 && _stored.Count < count; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(_stored.Count >= count, $"stored {_stored.Count} of {count}");
    }
}
