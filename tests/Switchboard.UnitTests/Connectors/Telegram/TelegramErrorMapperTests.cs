using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramErrorMapperTests
{
    [Theory]
    [InlineData(429, ConnectorFailure.RateLimited)]
    [InlineData(500, ConnectorFailure.Transient)]
    [InlineData(502, ConnectorFailure.Transient)]
    [InlineData(409, ConnectorFailure.Transient)]
    [InlineData(401, ConnectorFailure.Auth)]
    [InlineData(403, ConnectorFailure.Auth)]
    [InlineData(404, ConnectorFailure.NotFound)]
    [InlineData(400, ConnectorFailure.Invalid)]
    public void Map_ErrorCode_GivesFailureKind(int code, ConnectorFailure expected) =>
        Assert.Equal(expected, TelegramErrorMapper.Map("sendMessage", code, "x", null).Failure);

    [Fact]
    public void Map_TooManyRequests_CarriesRetryAfter()
    {
        var error = TelegramErrorMapper.Map("sendMessage", 429, "Too Many Requests: retry after 14", 14);

        Assert.Equal(TimeSpan.FromSeconds(14), error.RetryAfter);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public void IsNotModified_IdenticalEdit_IsRecognized()
    {
        Assert.True(TelegramErrorMapper.IsNotModified(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"));
        Assert.False(TelegramErrorMapper.IsNotModified(400, "Bad Request: message to edit not found"));
    }
}
