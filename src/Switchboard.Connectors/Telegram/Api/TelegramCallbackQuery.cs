namespace Switchboard.Connectors.Telegram.Api;

internal sealed record TelegramCallbackQuery
{
    public required string Id { get; init; }

    public required TelegramUser From { get; init; }

    /// <summary>The message with the button; may be an inaccessible stub (date 0) or absent for inline messages.</summary>
    public TelegramMessage? Message { get; init; }

    public string? Data { get; init; }
}
