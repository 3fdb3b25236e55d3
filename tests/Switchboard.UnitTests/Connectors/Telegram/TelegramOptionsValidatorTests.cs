using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private readonly TelegramOptionsValidator _validator = new();

    [Fact]
    public void Validate_ValidPolling_Succeeds()
    {
        var result = _validator.Validate(null, Valid());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Disabled_IsSkipped()
    {
        var result = _validator.Validate(null, new TelegramOptions { Enabled = false });

        Assert.True(result.Skipped);
    }

    [Fact]
    public void Validate_WebhookWithoutSecret_FailsClosed()
    {
        var options = Valid();
        options.Mode = TelegramReceiveMode.Webhook;
        options.WebhookUrl = "https://bot.example.com/telegram/webhook";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("WebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryProblem_ReportedAtOnce()
    {
        var options = new TelegramOptions
        {
            Enabled = true,
            BotToken = null,
            Mode = TelegramReceiveMode.Webhook,
            WebhookSecret = "has spaces",
            WebhookUrl = "http://bot.example.com/hook",
            ApiBaseUrl = "http://api.example.com",
            CustomerChats = ["-100", "general"],
            TeamChats = ["-100"],
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(6, failures.Count);
        Assert.Contains(failures, f => f.Contains("BotToken is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("WebhookSecret must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("WebhookUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'general'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("both as a customer chat and as a team chat", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MalformedToken_FailsWithoutEchoingIt()
    {
        var options = Valid();
        options.BotToken = "not-a-token-value";

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Single(failures);
        Assert.DoesNotContain("not-a-token-value", failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoopbackHttpBaseUrl_IsAllowed()
    {
        var options = Valid();
        options.ApiBaseUrl = "http://127.0.0.1:9000";

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    private static TelegramOptions Valid() => new()
    {
        Enabled = true,
        BotToken = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        CustomerChats = ["-1001234567890"],
        TeamChats = ["-1009876543210"],
    };
}
