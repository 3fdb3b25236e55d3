namespace Switchboard.Speech.Decoding;

/// <summary>The containers voice notes arrive in, told apart by their first bytes.</summary>
internal enum AudioFormat
{
    Unknown,

    /// <summary>Ogg with Opus: Telegram voice, Discord voice messages, WhatsApp.</summary>
    OggOpus,

    /// <summary>Ogg with Vorbis (or another codec).</summary>
    Ogg,
    Mp3,

    /// <summary>MP4/M4A (AAC): Slack and iOS audio clips.</summary>
    Mp4,

    /// <summary>WebM/Matroska (Opus): browser recordings, Slack clips.</summary>
    WebM,
    Wav,
    Flac,

    /// <summary>Raw AAC in ADTS frames.</summary>
    Aac,
}
