using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordGatewayTests
{
    [Fact]
    public void ReserveSend_OverTheConfiguredShare_WaitsForTheSixtySecondWindow()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var gateway = new DiscordGateway(new DiscordOptions { GatewaySendsPerMinute = 3 }, clock, NullLogger.Instance);

        Assert.Equal(TimeSpan.Zero, gateway.ReserveSend());
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, gateway.ReserveSend());
        Assert.Equal(TimeSpan.Zero, gateway.ReserveSend());

        Assert.Equal(TimeSpan.FromSeconds(50), gateway.ReserveSend());
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(TimeSpan.Zero, gateway.ReserveSend());
    }

    [Fact]
    public void InvalidSessionWait_Default_BetweenOneAndFiveSeconds()
    {
        var gateway = new DiscordGateway(new DiscordOptions(), TimeProvider.System, NullLogger.Instance);

        Assert.All(Enumerable.Range(0, 100).Select(_ => gateway.InvalidSessionWait()), w => Assert.InRange(w.TotalSeconds, 1, 5));
    }
}
