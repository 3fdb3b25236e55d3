using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));

    private static readonly DiscordRoute PostA = DiscordRoute.For(HttpMethod.Post, "channels/1/messages");
    private static readonly DiscordRoute PostB = DiscordRoute.For(HttpMethod.Post, "channels/2/messages");
    private static readonly DiscordRoute EditA = DiscordRoute.For(HttpMethod.Patch, "channels/1/messages/55");
    private static readonly DiscordRoute Callback = DiscordRoute.For(HttpMethod.Post, "interactions/77/tok/callback");

    [Fact]
    public void Reserve_UnknownRoute_GoesAtOnce()
    {
        var limiter = new DiscordRateLimiter(_clock);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostA));
    }

    [Fact]
    public void Reserve_BucketExhausted_WaitsUntilResetAfter()
    {
        var limiter = new DiscordRateLimiter(_clock);
        limiter.Reserve(PostA);
        limiter.Update(PostA, "abc", 5, 0, 2.5);

        Assert.Equal(TimeSpan.FromSeconds(2.5), limiter.Reserve(PostA));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostB));
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostA));
    }

    [Fact]
    public void Reserve_RemainingCountsDownBetweenResponses()
    {
        var limiter = new DiscordRateLimiter(_clock);
        limiter.Update(PostA, "abc", 5, 2, 5);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostA));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostA));
        Assert.Equal(TimeSpan.FromSeconds(5), limiter.Reserve(PostA));
    }

    [Fact]
    public void Reserve_RoutesSharingABucketHash_ShareTheBudgetPerChannel()
    {
        var limiter = new DiscordRateLimiter(_clock);
        limiter.Update(PostA, "shared", 5, 5, 5);
        limiter.Update(EditA, "shared", 5, 0, 3);

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve(PostA));
    }

    [Fact]
    public void OnTooManyRequests_RouteScope_BlocksOnlyThatBucket()
    {
        var limiter = new DiscordRateLimiter(_clock);

        limiter.OnTooManyRequests(PostA, TimeSpan.FromSeconds(1.5), global: false);

        Assert.Equal(TimeSpan.FromSeconds(1.5), limiter.Reserve(PostA));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostB));
    }

    [Fact]
    public void OnTooManyRequests_Global_BlocksEveryRouteButInteractionCallbacks()
    {
        var limiter = new DiscordRateLimiter(_clock);

        limiter.OnTooManyRequests(PostA, TimeSpan.FromSeconds(4), global: true);

        Assert.Equal(TimeSpan.FromSeconds(4), limiter.Reserve(PostB));
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.Reserve(EditA));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(Callback));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostB));
    }

    [Fact]
    public void Reserve_GlobalFiftyPerSecond_FiftyFirstWaitsForTheWindow()
    {
        var limiter = new DiscordRateLimiter(_clock);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.Reserve(DiscordRoute.For(HttpMethod.Post, $"channels/{i}/messages")));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.Reserve(PostA));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(Callback));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(PostA));
    }
}
