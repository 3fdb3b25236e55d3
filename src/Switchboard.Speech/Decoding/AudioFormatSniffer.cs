using System.Text;

namespace Switchboard.Speech.Decoding;

/// <summary>
/// Recognizes a voice note's container from its magic bytes. The platform's MIME type is only a hint
/// (Telegram says audio/ogg for voice, Slack says audio/webm or audio/mp4), and ffmpeg is then told the
/// demuxer explicitly so it never probes untrusted input as playlists or other exotic formats.
/// </summary>
internal static class AudioFormatSniffer
{
    public static AudioFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("OggS"u8))
        {
            // The first Ogg page carries the codec's identification header within its first packet.
            var window = head[..Math.Min(head.Length, 128)];
            return window.IndexOf("OpusHead"u8) >= 0 ? AudioFormat.OggOpus : AudioFormat.Ogg;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioFormat.Wav;
        }

        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return AudioFormat.Mp4;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return AudioFormat.WebM;
        }

        if (head.StartsWith("fLaC"u8))
        {
            return AudioFormat.Flac;
        }

        if (head.StartsWith("ID3"u8))
        {
            return AudioFormat.Mp3;
        }

        if (head.Length >= 2 && head[0] == 0xFF)
        {
            // ADTS AAC: 12-bit sync, layer bits 00. MPEG audio frames: 11-bit sync with a non-zero layer.
            if ((head[1] & 0xF6) == 0xF0)
            {
                return AudioFormat.Aac;
            }

            if ((head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0)
            {
                return AudioFormat.Mp3;
            }
        }

        return AudioFormat.Unknown;
    }

    /// <summary>The ffmpeg demuxer for a format (passed as -f), or null for unknown input.</summary>
    public static string? FfmpegDemuxer(AudioFormat format) => format switch
    {
        AudioFormat.OggOpus or AudioFormat.Ogg => "ogg",
        AudioFormat.Mp3 => "mp3",
        AudioFormat.Mp4 => "mov",
        AudioFormat.WebM => "matroska",
        AudioFormat.Wav => "wav",
        AudioFormat.Flac => "flac",
        AudioFormat.Aac => "aac",
        _ => null,
    };

    /// <summary>A short description of the first bytes for error messages (never the content itself).</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        var sb = new StringBuilder();
        foreach (var b in head[..Math.Min(head.Length, 4)])
        {
            sb.Append(b.ToString("x2"));
        }

        return sb.Length == 0 ? "empty" : sb.ToString();
    }
}
