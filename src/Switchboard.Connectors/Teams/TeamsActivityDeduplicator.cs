using System.Collections.Concurrent;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Remembers handled activity ids for a while: Teams retries invokes it timed out on and redelivers messages.
/// A retried invoke gets the first answer again instead of running the action twice.
/// </summary>
internal sealed class TeamsActivityDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (Lazy<Task<TeamsInvokeResponse>> Work, DateTimeOffset At)> _seen = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> once per activity id (an empty id always runs) and returns its answer to every delivery.</summary>
    public async Task<TeamsInvokeResponse> RunOnceAsync(string? activityId, Func<Task<TeamsInvokeResponse>> work)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return await work();
        }

        Prune();
        var entry = _seen.GetOrAdd(activityId, _ => (new Lazy<Task<TeamsInvokeResponse>>(work), time.GetUtcNow()));
        try
        {
            return await entry.Work.Value;
        }
        catch (Exception)
        {
            // A failed attempt is forgotten so the channel's retry can succeed.
            _seen.TryRemove(activityId, out _);
            throw;
        }
    }

    private void Prune()
    {
        if (_seen.Count < MaxEntries / 2)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - Keep;
        foreach (var (id, entry) in _seen)
        {
            if (entry.At < cutoff || _seen.Count > MaxEntries)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }
}
