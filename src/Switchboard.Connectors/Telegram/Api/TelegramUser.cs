namespace Switchboard.Connectors.Telegram.Api;

internal sealed record TelegramUser
{
    public long Id { get; init; }

    public bool IsBot { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Username { get; init; }

    /// <summary>The handle shown on cards: @username, else the name.</summary>
    public string Handle => Username is { Length: > 0 } ? "@" + Username
        : string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrEmpty(n)));
}
