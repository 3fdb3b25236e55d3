namespace Switchboard.Connectors.Telegram.Api;

/// <summary>One incoming update; at most one of the optional parts is set. Kinds we don't use are ignored.</summary>
internal sealed record TelegramUpdate
{
    public long UpdateId { get; init; }

    public TelegramMessage? Message { get; init; }

    public TelegramMessage? EditedMessage { get; init; }

    public TelegramCallbackQuery? CallbackQuery { get; init; }
}
