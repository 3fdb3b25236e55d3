namespace Switchboard.Connectors.Discord;

/// <summary>
/// Discord's REST limits in one place: per-route buckets learned from the X-RateLimit-* headers (routes that
/// share an X-RateLimit-Bucket hash share one budget per major parameter), the global 50 requests/s per bot
/// (interaction callbacks and webhook follow-ups are exempt), and 429s, which block a bucket or, with the
/// global flag, every request until retry_after has passed. Callers ask <see cref="Reserve"/> how long to
/// wait, wait, and ask again; a zero answer has already counted the request.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, int globalPerSecond = DiscordRateLimiter.GlobalPerSecond)
{
    public const int GlobalPerSecond = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    /// <summary>Zero when the request may go now (and is counted), otherwise how long to wait before asking again.</summary>
    public TimeSpan Reserve(DiscordRoute route)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wait = TimeSpan.Zero;
            if (!route.GlobalExempt && _globalBlockedUntil > now)
            {
                wait = _globalBlockedUntil - now;
            }

            var bucket = BucketFor(route);
            if (bucket is not null)
            {
                if (bucket.BlockedUntil > now)
                {
                    wait = Max(wait, bucket.BlockedUntil - now);
                }
                else if (bucket.Remaining <= 0 && bucket.ResetAt > now)
                {
                    wait = Max(wait, bucket.ResetAt - now);
                }
            }

            if (!route.GlobalExempt)
            {
                while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _globalWindow.Dequeue();
                }

                if (_globalWindow.Count >= globalPerSecond)
                {
                    wait = Max(wait, _globalWindow.Peek() + TimeSpan.FromSeconds(1) - now);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            if (bucket is not null)
            {
                if (bucket.ResetAt <= now && bucket.Remaining <= 0)
                {
                    // The window has reset; the next response tells the real figure.
                    bucket.Remaining = bucket.Limit > 0 ? bucket.Limit : 1;
                }

                bucket.Remaining--;
            }

            if (!route.GlobalExempt)
            {
                _globalWindow.Enqueue(now);
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns the route's bucket from a response's headers (all optional; absent means no per-route limit known).</summary>
    public void Update(DiscordRoute route, string? bucketHash, int? limit, int? remaining, double? resetAfterSeconds)
    {
        lock (_gate)
        {
            if (bucketHash is not null)
            {
                _bucketOfRoute[route.Key] = bucketHash;
            }

            if (remaining is null || resetAfterSeconds is null)
            {
                return;
            }

            var key = BucketKey(route);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new BucketState();
                _buckets[key] = bucket;
            }

            bucket.Limit = limit ?? bucket.Limit;
            bucket.Remaining = remaining.Value;
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfterSeconds.Value);
        }
    }

    /// <summary>A 429: blocks every request (global) or the route's bucket for <paramref name="retryAfter"/>.</summary>
    public void OnTooManyRequests(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                _globalBlockedUntil = Max(_globalBlockedUntil, until);
                return;
            }

            var key = BucketKey(route);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new BucketState();
                _buckets[key] = bucket;
            }

            bucket.BlockedUntil = Max(bucket.BlockedUntil, until);
            bucket.Remaining = 0;
            bucket.ResetAt = Max(bucket.ResetAt, until);
        }
    }

    private BucketState? BucketFor(DiscordRoute route) => _buckets.GetValueOrDefault(BucketKey(route));

    private string BucketKey(DiscordRoute route) =>
        _bucketOfRoute.TryGetValue(route.Key, out var hash) ? hash + "|" + route.MajorParameter : route.Key;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class BucketState
    {
        public int Limit { get; set; }

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
