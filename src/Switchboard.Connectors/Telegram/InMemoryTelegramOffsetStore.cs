namespace Switchboard.Connectors.Telegram;

/// <summary>Keeps the offset in memory: for tests, and for hosts that accept redelivery after a restart.</summary>
public sealed class InMemoryTelegramOffsetStore : ITelegramOffsetStore
{
    private const long None = long.MinValue;
    private long _offset = None;

    public Task<long?> LoadAsync(CancellationToken cancellationToken)
    {
        var offset = Interlocked.Read(ref _offset);
        return Task.FromResult(offset == None ? (long?)null : offset);
    }

    public Task SaveAsync(long nextOffset, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _offset, nextOffset);
        return Task.CompletedTask;
    }
}
