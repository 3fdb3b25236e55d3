namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>A hand-set clock (Microsoft.Extensions.TimeProvider.Testing is not in the package copy here).</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void SetUtcNow(DateTimeOffset at) => _now = at;
}
