namespace Switchboard.Connectors.Telegram.Api;

/// <summary>The shared shape of Voice, Audio, VideoNote, Document and PhotoSize: what we need to download and describe a file.</summary>
internal sealed record TelegramFileRef
{
    public required string FileId { get; init; }

    public string? FileUniqueId { get; init; }

    public long? FileSize { get; init; }

    public double? Duration { get; init; }

    public string? MimeType { get; init; }

    public string? FileName { get; init; }
}
