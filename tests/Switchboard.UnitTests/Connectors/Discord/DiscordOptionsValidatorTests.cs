using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordOptionsValidatorTests
{
    [Fact]
    public void Validate_Disabled_PassesWithoutToken()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithoutToken_FailsNamingTheEnvironmentVariable()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("Switchboard__Connectors__Discord__BotToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryProblem_ReportedAtOnce()
    {
        var options = new DiscordOptions
        {
            Enabled = true,
            BotToken = "Bot abc",
            ApiBaseUrl = "ftp://x",
            GatewayUrl = "https://gateway",
            Intents = 1 << 15,
            CustomerChannels = ["general", "5"],
            TeamChannels = ["5"],
        };

        var failures = new DiscordOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public void Validate_Complete_Passes()
    {
        var options = new DiscordOptions { Enabled = true, BotToken = "abc.def.ghi", CustomerChannels = ["100"], TeamChannels = ["200"] };

        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
    }
}
