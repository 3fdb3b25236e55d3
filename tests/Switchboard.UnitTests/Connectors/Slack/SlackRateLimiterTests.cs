using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackRateLimiterTests
{
    private readonly SlackTestClock _clock = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_WithinBurst_NoWait()
    {
        var limiter = Limiter();

        var waits = Enumerable.Range(0, 5).Select(_ => limiter.Reserve("chat.update", "C1")).ToList();

        Assert.All(waits, w => Assert.Equal(TimeSpan.Zero, w));
    }

    [Fact]
    public void Reserve_PastBurst_SpacesCallsAtTheTierRate()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5; i++)
        {
            limiter.Reserve("chat.update", "C1");
        }

        // Tier 3: 50 a minute, so each call past the burst waits 1.2 s more than the one before.
        Assert.Equal(TimeSpan.FromSeconds(1.2), limiter.Reserve("chat.update", "C1"));
        Assert.Equal(TimeSpan.FromSeconds(2.4), limiter.Reserve("chat.update", "C1"));
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("chat.update", "C1"));
    }

    [Fact]
    public void Reserve_PostMessage_PacedPerChannel()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5; i++)
        {
            limiter.Reserve("chat.postMessage", "C1");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("chat.postMessage", "C1"));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("chat.postMessage", "C2"));
    }

    [Fact]
    public void OnRateLimited_HoldsTheMethodUntilRetryAfter()
    {
        var limiter = Limiter();

        limiter.OnRateLimited("views.open", null, TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), limiter.Reserve("views.open", null));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("chat.postEphemeral", null));
        _clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("views.open", null));
    }

    [Fact]
    public void Reserve_ScaledRate_WaitsProportionally()
    {
        var limiter = Limiter(scale: 2);
        for (var i = 0; i < 5; i++)
        {
            limiter.Reserve("chat.update", "C1");
        }

        Assert.Equal(TimeSpan.FromSeconds(0.6), limiter.Reserve("chat.update", "C1"));
    }

    private SlackRateLimiter Limiter(double scale = 1) =>
        new(Options.Create(new SlackOptions { RateLimitScale = scale }), _clock);
}
