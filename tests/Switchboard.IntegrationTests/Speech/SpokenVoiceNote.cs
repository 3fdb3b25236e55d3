using System.Globalization;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Speech;

/// <summary>
/// Makes voice notes during the test run: espeak-ng speaks a sentence, ffmpeg encodes it the way the
/// platforms do. The entry point for end-to-end tests that send a voice note through a connector fake:
/// <c>var note = await SpokenVoiceNote.TelegramVoiceAsync("I want a refund because I was charged twice", ct);</c>
/// </summary>
internal static class SpokenVoiceNote
{
    /// <summary>A sentence pocketsphinx transcribes well from espeak-ng's voice (checked on Debian 12).</summary>
    public const string RefundSentence = "I want a refund because I was charged twice";

    /// <summary>An OGG/Opus voice note like Telegram's and Discord's: 48 kHz mono, 24 kbit/s, VoIP tuning.</summary>
    public static async Task<DownloadedFile> TelegramVoiceAsync(string sentence, CancellationToken cancellationToken) =>
        new(await SpeakAsync(sentence, "ogg", cancellationToken), "audio/ogg", "voice.ogg");

    /// <summary>
    /// Speaks <paramref name="sentence"/> and encodes it as <paramref name="format"/>: ogg (Opus), mp3,
    /// m4a (AAC), webm (Opus), wav (16-bit 16 kHz) or flac.
    /// </summary>
    public static async Task<byte[]> SpeakAsync(string sentence, string format, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-speech-test-");
        try
        {
            var wav = Path.Combine(folder.FullName, "spoken.wav");
            await ExternalTool.RunAsync("espeak-ng", ["-v", "en-us", "-s", "140", "-w", wav, sentence], cancellationToken);
            var output = Path.Combine(folder.FullName, "note." + format);
            await ExternalTool.RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", wav, .. EncoderArguments(format), output], cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The spoken sentence's exact length in seconds (from espeak-ng's 22.05 kHz WAV).</summary>
    public static async Task<double> SpokenSecondsAsync(string sentence, CancellationToken cancellationToken)
    {
        var wav = await SpeakAsync(sentence, "wav", cancellationToken);
        // ffmpeg may write a LIST chunk before the samples: count from the "data" chunk.
        var data = wav.AsSpan().IndexOf("data"u8);
        return (wav.Length - data - 8) / 2.0 / 16_000;
    }

    private static string[] EncoderArguments(string format) => format switch
    {
        "ogg" => ["-c:a", "libopus", "-b:a", "24k", "-ar", "48000", "-ac", "1", "-application", "voip"],
        "webm" => ["-c:a", "libopus", "-b:a", "32k", "-ac", "1"],
        "mp3" => ["-c:a", "libmp3lame", "-b:a", "64k", "-ac", "1"],
        "m4a" => ["-c:a", "aac", "-b:a", "64k", "-ac", "1"],
        "wav" => ["-c:a", "pcm_s16le", "-ar", "16000", "-ac", "1"],
        "flac" => ["-c:a", "flac", "-ac", "1"],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, string.Create(CultureInfo.InvariantCulture, $"no encoder for {format}")),
    };
}
