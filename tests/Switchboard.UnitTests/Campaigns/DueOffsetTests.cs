using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class DueOffsetTests
{
    [Theory]
    [InlineData("T-24h", -24 * 60)]
    [InlineData("T-1h", -60)]
    [InlineData("T-30m", -30)]
    [InlineData("T0", 0)]
    [InlineData("T+2h", 120)]
    [InlineData("T+1d", 24 * 60)]
    public void TryParse_ValidOffsets_ParseToMinutes(string text, int minutes)
    {
        Assert.True(DueOffset.TryParse(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("24h")]
    [InlineData("T-24")]
    [InlineData("T-1w")]
    [InlineData("")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(DueOffset.TryParse(text, out _));

    [Fact]
    public void Format_Hours_RoundTrips() => Assert.Equal("T-24h", DueOffset.Format(TimeSpan.FromHours(-24)));
}
