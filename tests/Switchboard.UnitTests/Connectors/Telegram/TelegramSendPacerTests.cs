using Microsoft.Extensions.Options;
using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramSendPacerTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ReserveChat_BurstIntoOneChat_SpacesOnePerSecond()
    {
        var pacer = Pacer();

        Assert.Equal(TimeSpan.Zero, pacer.ReserveChat(5551));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.ReserveChat(5551));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.ReserveChat(5551));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveChat(5552));
    }

    [Fact]
    public void ReserveChat_TwentyFirstGroupMessageInAMinute_WaitsForTheWindow()
    {
        var pacer = Pacer();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.ReserveChat(-1001));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // 20 sent over the last 20 s: the 21st waits until the first leaves the minute window.
        Assert.Equal(TimeSpan.FromSeconds(40), pacer.ReserveChat(-1001));
    }

    [Fact]
    public void ReserveGlobal_ManyChats_SpacedToGlobalRate()
    {
        var pacer = Pacer();

        Assert.Equal(TimeSpan.Zero, pacer.ReserveGlobal());
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 30), pacer.ReserveGlobal());
        Assert.Equal(TimeSpan.FromSeconds(2.0 / 30), pacer.ReserveGlobal());
    }

    [Fact]
    public void PauseFor_After429_HoldsEverySend()
    {
        var pacer = Pacer();

        pacer.PauseFor(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), pacer.PauseRemaining());
        Assert.Equal(TimeSpan.FromSeconds(7), pacer.ReserveChat(5551));
        Assert.Equal(TimeSpan.FromSeconds(7), pacer.ReserveGlobal());
        _time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(TimeSpan.Zero, pacer.PauseRemaining());
    }

    private TelegramSendPacer Pacer() => new(Options.Create(new TelegramOptions()), _time);
}
