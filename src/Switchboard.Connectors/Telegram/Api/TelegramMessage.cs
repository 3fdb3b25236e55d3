namespace Switchboard.Connectors.Telegram.Api;

internal sealed record TelegramMessage
{
    public long MessageId { get; init; }

    public long? MessageThreadId { get; init; }

    public bool? IsTopicMessage { get; init; }

    public TelegramUser? From { get; init; }

    public TelegramChat? SenderChat { get; init; }

    public required TelegramChat Chat { get; init; }

    /// <summary>Unix seconds (the emulator sends milliseconds for the bot's own messages).</summary>
    public long Date { get; init; }

    public long? EditDate { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    /// <summary>Entities of <see cref="Text"/>: a <c>bot_command</c> at offset 0 makes the message a command.</summary>
    public IReadOnlyList<TelegramMessageEntity>? Entities { get; init; }

    public TelegramFileRef? Voice { get; init; }

    public TelegramFileRef? Audio { get; init; }

    public TelegramFileRef? VideoNote { get; init; }

    public TelegramFileRef? Document { get; init; }

    public IReadOnlyList<TelegramFileRef>? Photo { get; init; }

    public TelegramMessage? ReplyToMessage { get; init; }

    /// <summary>Present on forwarded messages; only its presence matters here.</summary>
    public System.Text.Json.JsonElement? ForwardOrigin { get; init; }
}
