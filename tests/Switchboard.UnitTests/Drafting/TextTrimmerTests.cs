using Switchboard.Core.Drafting;

namespace Switchboard.UnitTests.Drafting;

public sealed class TextTrimmerTests
{
    [Fact]
    public void Trim_ShortText_Unchanged()
    {
        Assert.Equal("Hello there.", TextTrimmer.Trim("Hello there.", PlatformLimits.For("discord")));
    }

    [Fact]
    public void Trim_LongText_EndsAtASentence()
    {
        var text = "First sentence here. Second one is longer than that. Third!";

        Assert.Equal("First sentence here.", TextTrimmer.Trim(text, 30, s => s.Length));
        Assert.Equal("First sentence here. Second one is longer than that.", TextTrimmer.Trim(text, 55, s => s.Length));
    }

    [Fact]
    public void Trim_OneLongSentence_CutsAtAWordWithAnEllipsis()
    {
        var result = TextTrimmer.Trim("averyveryverylongword and then some more words follow here", 30, s => s.Length);

        Assert.Equal("averyveryverylongword and…", result);
        Assert.True(result.Length <= 30);
    }

    [Fact]
    public void Trim_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 9) + "😀" + " tail words here";

        var result = TextTrimmer.Trim(text, 11, s => s.Length);

        Assert.False(char.IsHighSurrogate(result[^2]));
        Assert.True(result.Length <= 11);
    }

    [Theory]
    [InlineData("telegram", 4096)]
    [InlineData("discord", 2000)]
    [InlineData("slack", 3000)]
    [InlineData("teams", 28000)]
    [InlineData("x", 280)]
    [InlineData("playground", 2000)]
    public void PlatformLimits_For_KnownLimits(string platform, int max)
    {
        Assert.Equal(max, PlatformLimits.For(platform).Max);
    }
}
