namespace Switchboard.Replay;

/// <summary>
/// Virtual time for replays: it jumps to each message's timestamp, so SLA clocks and clustering windows
/// behave as they would have on the day, only faster.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves forward (never back) to <paramref name="at"/>.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > _now)
        {
            _now = at;
        }
    }
}
