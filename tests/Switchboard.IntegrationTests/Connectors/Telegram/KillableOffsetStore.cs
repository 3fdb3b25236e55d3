using Switchboard.Connectors.Telegram;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>An offset store that, like a killed process, writes nothing once the receive loop is cancelled.</summary>
internal sealed class KillableOffsetStore(ITelegramOffsetStore inner) : ITelegramOffsetStore
{
    public Task<long?> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

    public Task SaveAsync(long nextOffset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.SaveAsync(nextOffset, cancellationToken);
    }
}
