namespace Switchboard.Connectors.Telegram.Api;

/// <summary>A special entity in a message's text (offsets in UTF-16 code units); <c>bot_command</c> marks a /command.</summary>
internal sealed record TelegramMessageEntity
{
    public required string Type { get; init; }

    public int Offset { get; init; }

    public int Length { get; init; }
}
