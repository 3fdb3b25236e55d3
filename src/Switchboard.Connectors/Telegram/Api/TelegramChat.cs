namespace Switchboard.Connectors.Telegram.Api;

internal sealed record TelegramChat
{
    public long Id { get; init; }

    /// <summary>private, group, supergroup or channel.</summary>
    public string? Type { get; init; }

    public string? Title { get; init; }

    public string? Username { get; init; }

    public bool? IsForum { get; init; }

    public bool IsPrivate => Type == "private";
}
