namespace Switchboard.Connectors.Telegram.Api;

/// <summary>The getFile result: where the file can be downloaded for at least an hour.</summary>
internal sealed record TelegramFile
{
    public required string FileId { get; init; }

    public long? FileSize { get; init; }

    public string? FilePath { get; init; }
}
