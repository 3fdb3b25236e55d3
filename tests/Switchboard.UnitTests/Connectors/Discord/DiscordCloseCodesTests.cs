using Switchboard.Connectors.Discord;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordCloseCodesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Classify_DocumentedFatalCodes_Stop(int code)
    {
        Assert.Equal(DiscordCloseAction.Stop, DiscordCloseCodes.Classify(code));
        Assert.False(DiscordCloseCodes.Fatal(code).IsRetryable);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1006)]
    [InlineData(null)]
    public void Classify_ReconnectableCodes_Resume(int? code)
    {
        Assert.Equal(DiscordCloseAction.Resume, DiscordCloseCodes.Classify(code));
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    [InlineData(1000)]
    [InlineData(1001)]
    public void Classify_SessionGone_IdentifiesAgain(int code)
    {
        Assert.Equal(DiscordCloseAction.Identify, DiscordCloseCodes.Classify(code));
    }

    [Fact]
    public void Fatal_4004_AuthFailureThatNamesTheSetting()
    {
        var error = DiscordCloseCodes.Fatal(4004);

        Assert.Equal(ConnectorFailure.Auth, error.Failure);
        Assert.Contains("Switchboard:Connectors:Discord:BotToken", error.Message, StringComparison.Ordinal);
    }
}
