namespace Switchboard.Core.Routing.Sla;

/// <summary>
/// One SLA clock of a case, as stored (serializable with System.Text.Json so scheduled work survives restarts).
/// Time is counted in the owner team's business hours.
/// </summary>
/// <param name="Kind">One of <see cref="SlaClockKinds"/>.</param>
/// <param name="Team">The team whose business hours the clock runs in.</param>
/// <param name="Target">Business time allowed in all.</param>
/// <param name="Consumed">Business time used before <paramref name="RunningSince"/> (earlier stretches before a pause).</param>
/// <param name="RunningSince">When the current stretch started; null while paused or stopped.</param>
/// <param name="DueAt">When the clock breaches if it keeps running; null while paused.</param>
/// <param name="WarnedAt">When the warning was raised (it is raised once per due time).</param>
/// <param name="BreachedAt">When the breach was raised.</param>
/// <param name="StoppedAt">When the clock was met (responded or resolved).</param>
public sealed record SlaClockState(
    string Kind,
    string Team,
    TimeSpan Target,
    TimeSpan Consumed,
    DateTimeOffset? RunningSince,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnedAt = null,
    DateTimeOffset? BreachedAt = null,
    DateTimeOffset? StoppedAt = null)
{
    public bool IsStopped => StoppedAt is not null;

    public bool IsPaused => RunningSince is null && StoppedAt is null;

    public bool IsRunning => RunningSince is not null && StoppedAt is null;

    /// <summary>True when the clock was stopped before its due time.</summary>
    public bool Met => StoppedAt is { } stopped && BreachedAt is null && (DueAt is null || stopped <= DueAt);
}
