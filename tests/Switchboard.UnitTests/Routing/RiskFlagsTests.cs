using Switchboard.Core.Routing;

namespace Switchboard.UnitTests.Routing;

public sealed class RiskFlagsTests
{
    [Theory]
    [InlineData("My lawyer will hear about this", "legal")]
    [InlineData("I will take you to court", "legal")]
    [InlineData("filing a BBB complaint today", "legal")]
    [InlineData("someone is threatening me in your app", "safety")]
    [InlineData("the battery started to overheat and smoke", "safety")]
    public void Detect_TriggerWords_Flag(string text, string flag)
    {
        Assert.Contains(flag, RiskFlags.Detect(text));
    }

    [Theory]
    [InlineData("We played on the basketball court")]
    [InlineData("where is my order?")]
    [InlineData("")]
    public void Detect_OrdinaryText_FlagsNothing(string text)
    {
        Assert.Empty(RiskFlags.Detect(text));
    }
}
