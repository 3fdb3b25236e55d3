using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// The one place Telegram's send limits live: about 1 message/s into a chat, 20/min into a group, 30/s across
/// all chats, and a bot-wide pause after a 429 (while <c>retry_after</c> runs, every call of the bot fails).
/// Callers reserve a slot and wait for it, so concurrent senders queue instead of tripping 429s.
/// </summary>
internal sealed class TelegramSendPacer(IOptions<TelegramOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, DateTimeOffset> _nextPerChat = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupSends = [];
    private DateTimeOffset _nextGlobal = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until a message may go into <paramref name="chatId"/>.</summary>
    public async Task WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        // Two phases: first the chat's own slot (per-chat spacing and the group window), then a global slot
        // taken only once that wait is over, so a chat waiting seconds for its turn does not hold up others.
        await DelayAsync(ReserveChat(chatId), cancellationToken);
        await DelayAsync(ReserveGlobal(), cancellationToken);
    }

    /// <summary>Waits out a bot-wide 429 pause before calls that are not sends (edits of reply markup, answers, reads).</summary>
    public Task WaitIfPausedAsync(CancellationToken cancellationToken) => DelayAsync(PauseRemaining(), cancellationToken);

    /// <summary>Records a 429: nothing is sent for <paramref name="retryAfter"/>.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public TimeSpan PauseRemaining()
    {
        lock (_gate)
        {
            var left = _pausedUntil - timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Reserves the chat's next slot and returns how long to wait for it.</summary>
    internal TimeSpan ReserveChat(long chatId)
    {
        var settings = options.Value;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var at = Max(now, _pausedUntil);
            if (_nextPerChat.TryGetValue(chatId, out var next))
            {
                at = Max(at, next);
            }

            // Negative ids are groups, supergroups and channels; private chats are the user's positive id.
            if (chatId < 0)
            {
                if (!_groupSends.TryGetValue(chatId, out var sends))
                {
                    sends = new Queue<DateTimeOffset>();
                    _groupSends[chatId] = sends;
                }

                while (sends.Count > 0 && sends.Peek() <= now - GroupWindow)
                {
                    sends.Dequeue();
                }

                // Slots of one chat only move forward, so the oldest kept send bounds the window.
                if (sends.Count >= settings.PerGroupMessagesPerMinute)
                {
                    at = Max(at, sends.Peek() + GroupWindow);
                    sends.Dequeue();
                }

                sends.Enqueue(at);
            }

            _nextPerChat[chatId] = at + TimeSpan.FromSeconds(1 / settings.PerChatMessagesPerSecond);
            PruneIdleChats(now);
            return at - now;
        }
    }

    /// <summary>Reserves the next global slot and returns how long to wait for it.</summary>
    internal TimeSpan ReserveGlobal()
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var at = Max(Max(now, _pausedUntil), _nextGlobal);
            _nextGlobal = at + TimeSpan.FromSeconds(1.0 / options.Value.GlobalMessagesPerSecond);
            return at - now;
        }
    }

    private void PruneIdleChats(DateTimeOffset now)
    {
        // Bounded memory: forget chats whose slot and group window are long past.
        if (_nextPerChat.Count < 10_000)
        {
            return;
        }

        foreach (var chat in _nextPerChat.Where(p => p.Value < now - GroupWindow).Select(p => p.Key).ToList())
        {
            _nextPerChat.Remove(chat);
            _groupSends.Remove(chat);
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, timeProvider, cancellationToken) : Task.CompletedTask;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
