using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Triage;

public sealed class KeywordTriageEngineTests
{
    [Theory]
    [InlineData("I want a refund for this charge", Intents.Billing)]
    [InlineData("is the site down for everyone?", Intents.Outage)]
    [InlineData("someone is impersonating your support account, scam!", Intents.TrustSafety)]
    public void Triage_KeywordPresent_PicksItsIntent(string text, string expected)
    {
        var result = new KeywordTriageEngine().Triage(new TriageRequest("1", text));
        Assert.Equal(expected, result.Intent);
        Assert.Equal(KeywordTriageEngine.Version, result.DecidedBy);
    }
}
