using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Sending;

/// <summary>Wakes the outbox sender when a commit wrote outbox items.</summary>
public sealed class OutboxSignal
{
    private readonly PipelineSignal _inner = new();

    public void Notify() => _inner.Notify();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _inner.WaitAsync(timeout, cancellationToken);
}
