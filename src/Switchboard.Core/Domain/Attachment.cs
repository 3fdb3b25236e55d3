namespace Switchboard.Core.Domain;

/// <summary>An attachment on an inbound message.</summary>
/// <param name="Kind">One of <see cref="AttachmentKinds"/>.</param>
/// <param name="Reference">What the connector needs to download it: a URL or a platform file id.</param>
/// <param name="MimeType">The MIME type the platform reported.</param>
/// <param name="SizeBytes">Size when known.</param>
/// <param name="DurationSeconds">Duration of audio or video when known.</param>
/// <param name="FileName">Original file name when known.</param>
public sealed record Attachment(
    string Kind,
    string Reference,
    string? MimeType = null,
    long? SizeBytes = null,
    double? DurationSeconds = null,
    string? FileName = null)
{
    public bool IsVoice => Kind is AttachmentKinds.Voice or AttachmentKinds.Audio or AttachmentKinds.VideoNote;
}

public static class AttachmentKinds
{
    public const string Voice = "voice";
    public const string Audio = "audio";
    public const string VideoNote = "video_note";
    public const string Image = "image";
    public const string File = "file";
}
