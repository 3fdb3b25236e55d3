using Switchboard.Core.Routing;

namespace Switchboard.UnitTests.Routing;

public sealed class SlaTargetTests
{
    [Theory]
    [InlineData("15m", 15)]
    [InlineData("1h", 60)]
    [InlineData("1h30m", 90)]
    [InlineData("2d", 2880)]
    public void TryParse_Durations_AreBusinessMinutes(string text, int minutes)
    {
        Assert.True(SlaTarget.TryParse(text, out var target));
        Assert.Equal(TimeSpan.FromMinutes(minutes), target!.Duration);
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("0m")]
    [InlineData("h")]
    [InlineData("")]
    [InlineData("soon")]
    public void TryParse_Garbage_Fails(string text)
    {
        Assert.False(SlaTarget.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_SameDay_IsEndOfDay()
    {
        Assert.True(SlaTarget.TryParse("same_day", out var target));
        Assert.True(target!.SameDay);
        Assert.Equal("same_day", target.ToString());
    }
}
