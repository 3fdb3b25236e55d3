using Switchboard.Core.Review;

namespace Switchboard.UnitTests.Review;

public sealed class ActionTokenGeneratorTests
{
    [Fact]
    public void NewToken_FitsTelegramCallbackDataAndIsUrlSafe()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ActionTokenGenerator.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t));
        Assert.Equal(1000, tokens.Distinct().Count());
    }
}
