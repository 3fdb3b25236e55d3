namespace Switchboard.UnitTests.Triage;

/// <summary>A clock that stands still: triage tests pass message timestamps, and only the fallback reads it.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
