using Switchboard.Core.Cards.Rendering;

namespace Switchboard.UnitTests.Cards.Rendering;

public sealed class SurfaceTextTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("0123456789abc", 10, "012345678…")]
    [InlineData("abc", 1, "…")]
    public void Truncate_Text_CutsWithEllipsis(string text, int max, string expected)
    {
        Assert.Equal(expected, SurfaceText.Truncate(text, max));
    }

    [Fact]
    public void Truncate_AtSurrogatePair_DoesNotSplitIt()
    {
        var cut = SurfaceText.Truncate("abc🚀def", 5);

        Assert.Equal("abc…", cut);
    }
}
