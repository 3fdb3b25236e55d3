using System.Globalization;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Edits waiting for their force-reply: after a reviewer presses Edit in a chat, their next message there is the
/// new text. Kept in the <see cref="IPendingEditStore"/> when the host has one (SQLite), so a restart between the
/// press and the reply does not lose the edit; in memory otherwise (a lost edit means pressing Edit again).
/// </summary>
internal sealed class TelegramPendingEdits(TimeProvider timeProvider, IPendingEditStore? store = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long ChatId, long UserId), (string Token, DateTimeOffset ExpiresAt)> _pending = [];

    public async Task StartAsync(long chatId, long userId, string token, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (store is not null)
        {
            await store.StartAsync(new PendingEdit(TelegramUpdateMapper.Platform, Id(chatId), Id(userId), token, now + window), now, cancellationToken);
            return;
        }

        lock (_gate)
        {
            foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList())
            {
                _pending.Remove(stale);
            }

            _pending[(chatId, userId)] = (token, now + window);
        }
    }

    /// <summary>Takes the reviewer's pending edit token in this chat, if one is open; null otherwise.</summary>
    public async Task<string?> TryTakeAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (store is not null)
        {
            return (await store.TakeAsync(TelegramUpdateMapper.Platform, Id(chatId), Id(userId), now, cancellationToken))?.Token;
        }

        lock (_gate)
        {
            return _pending.Remove((chatId, userId), out var entry) && entry.ExpiresAt > now ? entry.Token : null;
        }
    }

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
