using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Switchboard.Speech.Decoding;

/// <summary>
/// Decodes any supported container through the ffmpeg CLI: the note goes to a temporary file (MP4 keeps
/// its index at the end, so stdin would not do), ffmpeg writes f32le 16 kHz mono to stdout.
/// </summary>
internal sealed class FfmpegAudioDecoder(IOptions<SpeechOptions> options) : IAudioDecoder
{
    private const int MaxErrorLength = 300;

    public async Task<DecodedAudio> DecodeAsync(ReadOnlyMemory<byte> content, AudioFormat format, int maxSeconds, CancellationToken cancellationToken)
    {
        var demuxer = AudioFormatSniffer.FfmpegDemuxer(format)
            ?? throw new AudioDecodingException("The attachment is not a supported audio format (OGG/Opus, MP3, M4A/AAC, WebM, WAV or FLAC).");

        using var input = await PrivateTempFile.WriteAsync(content, demuxer, cancellationToken);
        return await RunFfmpegAsync(input.Path, demuxer, format, maxSeconds, cancellationToken);
    }

    private async Task<DecodedAudio> RunFfmpegAsync(string input, string demuxer, AudioFormat format, int maxSeconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        // -protocol_whitelist file and an explicit demuxer: untrusted input is never probed as a playlist
        // that could make ffmpeg open URLs or other files. -t bounds the output (and memory) to the limit.
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error",
            "-protocol_whitelist", "file",
            "-f", demuxer, "-i", input,
            "-t", (maxSeconds + 1).ToString(CultureInfo.InvariantCulture),
            "-vn", "-ac", "1", "-ar", DecodedAudio.SampleRate.ToString(CultureInfo.InvariantCulture),
            "-f", "f32le", "pipe:1",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new AudioDecodingException($"ffmpeg could not be started ({options.Value.FfmpegPath}): install it with eng/install/speech.sh.", ex, decoderMissing: true);
        }

        try
        {
            var maxBytes = (long)(maxSeconds + 1) * DecodedAudio.SampleRate * sizeof(float);
            var stdout = ReadBoundedAsync(process.StandardOutput.BaseStream, maxBytes, cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var pcm = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new AudioDecodingException($"The audio could not be decoded ({Describe(format)}): {FirstLine(errors)}");
            }

            if (pcm.Length < sizeof(float))
            {
                throw new AudioDecodingException($"The audio ({Describe(format)}) holds no sound.");
            }

            var samples = new float[pcm.Length / sizeof(float)];
            MemoryMarshal.Cast<byte, float>(pcm.AsSpan(0, samples.Length * sizeof(float))).CopyTo(samples);
            return new DecodedAudio(samples, format);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // ffmpeg's -t already bounds the output; this guards against a misbehaving binary. The rest is
            // drained, not left in the pipe, so ffmpeg can exit.
            var keep = (int)Math.Min(read, maxBytes - buffer.Length);
            if (keep > 0)
            {
                buffer.Write(chunk, 0, keep);
            }
        }

        return buffer.ToArray();
    }

    private static string Describe(AudioFormat format) => format switch
    {
        AudioFormat.OggOpus => "OGG/Opus",
        AudioFormat.Mp4 => "M4A/MP4",
        AudioFormat.WebM => "WebM",
        _ => format.ToString().ToUpperInvariant(),
    };

    private static string FirstLine(string errors)
    {
        var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "ffmpeg gave no reason";
        // ffmpeg prefixes messages with the temporary file name; that is noise to an agent.
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (line.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && colon > 0)
        {
            line = line[(colon + 2)..];
        }

        return line.Length > MaxErrorLength ? line[..MaxErrorLength] : line;
    }
}
