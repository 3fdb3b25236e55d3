using System.Collections.Concurrent;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Remembers the event ids (and Socket Mode envelope ids) already stored, for 15 minutes: Slack's retries
/// arrive up to about 5 minutes later. An id is recorded only after the sink stored the message, so a
/// delivery whose first attempt failed is processed again; a retry that races the first attempt is caught
/// by the sink's own (platform, message id) idempotency.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider timeProvider)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);
    private const int SweepThreshold = 4096;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool IsKnown(string id) =>
        _seen.TryGetValue(id, out var at) && timeProvider.GetUtcNow() - at < Retention;

    public void MarkDone(string id)
    {
        var now = timeProvider.GetUtcNow();
        _seen[id] = now;
        if (_seen.Count > SweepThreshold)
        {
            foreach (var (key, at) in _seen)
            {
                if (now - at >= Retention)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
    }
}
