using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramWebhookSecretTests
{
    [Fact]
    public void Matches_SameSecret_ReturnsTrue() =>
        Assert.True(TelegramWebhookSecret.Matches("s3cret_Value-1", "s3cret_Value-1"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret_Value-2")]
    [InlineData("s3cret_Value-1 ")]
    [InlineData("S3CRET_VALUE-1")]
    public void Matches_MissingOrWrongHeader_ReturnsFalse(string? presented) =>
        Assert.False(TelegramWebhookSecret.Matches(presented, "s3cret_Value-1"));

    [Fact]
    public void Matches_NoConfiguredSecret_NeverPasses()
    {
        Assert.False(TelegramWebhookSecret.Matches("anything", null));
        Assert.False(TelegramWebhookSecret.Matches("anything", string.Empty));
    }
}
