using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// The one place that paces Slack Web API calls: a token bucket per method (per channel for
/// chat.postMessage, whose special tier is about one message a second per channel), and a pause after a
/// 429 until its Retry-After has passed. Rates are Slack's documented tiers, scaled by
/// <see cref="SlackOptions.RateLimitScale"/>.
/// </summary>
internal sealed class SlackRateLimiter(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    // Calls per minute and burst per method (per workspace per app). Unknown methods get Tier 3.
    private static readonly Dictionary<string, (double PerMinute, int Burst)> Tiers = new(StringComparer.Ordinal)
    {
        ["apps.connections.open"] = (1, 3), // Tier 1; a burst lets a dropped socket reconnect at once.
        ["chat.postMessage"] = (60, 5), // Special: ~1/s per channel with generous bursts.
        ["chat.update"] = (50, 5), // Tier 3
        ["pins.add"] = (20, 2), // Tier 2
        ["chat.postEphemeral"] = (100, 10), // Tier 4
        ["views.open"] = (100, 10), // Tier 4
        ["views.update"] = (100, 10), // Tier 4
        ["auth.test"] = (100, 10), // Special, generous
    };

    private static readonly (double PerMinute, int Burst) DefaultTier = (50, 5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Waits until a call of <paramref name="method"/> may go out.</summary>
    public async Task WaitAsync(string method, string? channel, CancellationToken cancellationToken)
    {
        var delay = Reserve(method, channel);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>Reserves a slot and returns how long the caller must wait for it.</summary>
    public TimeSpan Reserve(string method, string? channel)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            return GetBucket(method, channel).Reserve(now);
        }
    }

    /// <summary>Slack answered 429: hold every call of this method until <paramref name="retryAfter"/> has passed.</summary>
    public void OnRateLimited(string method, string? channel, TimeSpan retryAfter)
    {
        var until = timeProvider.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            GetBucket(method, channel).PauseUntil(until);
        }
    }

    private Bucket GetBucket(string method, string? channel)
    {
        var key = method == "chat.postMessage" && channel is not null ? method + "|" + channel : method;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            var (perMinute, burst) = Tiers.GetValueOrDefault(method, DefaultTier);
            bucket = new Bucket(perMinute * options.Value.RateLimitScale / 60.0, burst, timeProvider.GetUtcNow());
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private sealed class Bucket(double perSecond, int burst, DateTimeOffset createdAt)
    {
        private double _tokens = burst;
        private DateTimeOffset _updatedAt = createdAt;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        public TimeSpan Reserve(DateTimeOffset now)
        {
            if (now > _updatedAt)
            {
                _tokens = Math.Min(burst, _tokens + ((now - _updatedAt).TotalSeconds * perSecond));
                _updatedAt = now;
            }

            // Tokens may go negative: each waiting caller reserves its own later slot, so waiters are spaced out.
            _tokens -= 1;
            var wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
            var paused = _pausedUntil - now;
            return paused > wait ? paused : wait;
        }

        public void PauseUntil(DateTimeOffset until)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
