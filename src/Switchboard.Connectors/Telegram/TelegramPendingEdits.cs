namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Edits waiting for their force-reply: after a reviewer presses Edit in a chat, their next message there is the
/// new text. Kept in memory on purpose: a pending edit lost to a restart only means pressing Edit again.
/// </summary>
internal sealed class TelegramPendingEdits(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long ChatId, long UserId), (string Token, DateTimeOffset ExpiresAt)> _pending = [];

    public void Start(long chatId, long userId, string token, TimeSpan window)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList())
            {
                _pending.Remove(stale);
            }

            _pending[(chatId, userId)] = (token, now + window);
        }
    }

    /// <summary>Takes the reviewer's pending edit token in this chat, if one is open.</summary>
    public bool TryTake(long chatId, long userId, out string token)
    {
        lock (_gate)
        {
            token = string.Empty;
            if (!_pending.Remove((chatId, userId), out var entry) || entry.ExpiresAt <= timeProvider.GetUtcNow())
            {
                return false;
            }

            token = entry.Token;
            return true;
        }
    }
}
