namespace Switchboard.UnitTests.Connectors.Slack;

/// <summary>A clock the test sets by hand (Microsoft.Extensions.TimeProvider.Testing is not in the package feed here).</summary>
internal sealed class SlackTestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
