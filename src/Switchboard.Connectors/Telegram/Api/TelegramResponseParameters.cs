namespace Switchboard.Connectors.Telegram.Api;

internal sealed record TelegramResponseParameters
{
    public int? RetryAfter { get; init; }

    public long? MigrateToChatId { get; init; }
}
