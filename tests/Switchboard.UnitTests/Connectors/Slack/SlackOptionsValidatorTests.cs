using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Validate_Disabled_SucceedsWithoutSecrets()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EventsModeComplete_Succeeds()
    {
        var options = new SlackOptions { Enabled = true, BotToken = "xoxb-1", SigningSecret = "s" };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_SocketModeWithAppToken_SucceedsWithoutSigningSecret()
    {
        var options = new SlackOptions { Enabled = true, BotToken = "xoxb-1", AppToken = "xapp-1", Mode = SlackMode.Socket };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EventsModeWithoutSigningSecret_FailsClosed()
    {
        var options = new SlackOptions { Enabled = true, BotToken = "xoxb-1" };

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SigningSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryError()
    {
        var options = new SlackOptions
        {
            Enabled = true,
            BotToken = "xapp-not-a-bot-token",
            Mode = SlackMode.Socket,
            AppToken = "xoxb-wrong-kind",
            ApiBaseUrl = "ftp://slack",
            CustomerChannels = ["C1"],
            TeamChannels = ["C1"],
            ReconnectBaseDelayMs = 10_000,
            ReconnectMaxDelayMs = 1_000,
        };

        var failures = new SlackOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.Contains("BotToken", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AppToken", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("both", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Reconnect", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ApiBaseUrlWithoutTrailingSlash_Fails()
    {
        var options = new SlackOptions { Enabled = true, BotToken = "xoxb-1", SigningSecret = "s", ApiBaseUrl = "https://slack.com/api" };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Failed);
    }
}
