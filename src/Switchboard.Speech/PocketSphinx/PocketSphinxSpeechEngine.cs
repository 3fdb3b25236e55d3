using System.Buffers.Binary;
using System.Diagnostics;
using Switchboard.Speech.Decoding;

namespace Switchboard.Speech.PocketSphinx;

/// <summary>
/// Debian's pocketsphinx with its en-us model, run as a process on a 16-bit WAV: the fallback when no
/// Whisper model is configured. English only and rough (it catches some words and misses others), so
/// its transcripts are marked low confidence.
/// </summary>
internal sealed class PocketSphinxSpeechEngine(PocketSphinxOptions options) : ISpeechEngine
{
    public string Name => "pocketsphinx 5prealpha en-us";

    public bool LowConfidence => true;

    /// <summary>Null when the executable and model are installed, else what is missing.</summary>
    public static string? FindMissing(PocketSphinxOptions options)
    {
        if (ResolveExecutable(options.ExecutablePath) is null)
        {
            return $"the pocketsphinx executable '{options.ExecutablePath}' is not installed";
        }

        if (!Directory.Exists(options.ModelDirectory) || !File.Exists(options.DictionaryPath) || !File.Exists(options.LanguageModelPath))
        {
            return $"the pocketsphinx model is missing under {options.ModelDirectory} (Debian package pocketsphinx-en-us)";
        }

        return null;
    }

    public Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<SpeechEngineResult> TranscribeAsync(DecodedAudio audio, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var wav = await PrivateTempFile.WriteAsync(ToWav16(audio.Samples), "wav", cancellationToken);
        progress?.Report(0);
        var output = await RunAsync(wav.Path, cancellationToken);
        progress?.Report(100);
        var segments = PocketSphinxOutputParser.Parse(output);
        return new SpeechEngineResult(string.Join(' ', segments.Select(s => s.Text)), "en", segments);
    }

    /// <summary>A 16 kHz mono 16-bit PCM WAV file: the only input pocketsphinx_continuous -infile reads.</summary>
    internal static byte[] ToWav16(ReadOnlySpan<float> samples)
    {
        var data = samples.Length * 2;
        var bytes = new byte[44 + data];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], DecodedAudio.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], DecodedAudio.SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(samples[i] * short.MaxValue), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (2 * i))..], value);
        }

        return bytes;
    }

    private async Task<string> RunAsync(string wav, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ResolveExecutable(options.ExecutablePath) ?? options.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-infile", wav, "-time", "yes", "-logfn", "/dev/null",
            "-hmm", options.ModelDirectory, "-dict", options.DictionaryPath, "-lm", options.LanguageModelPath,
        })
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
            throw new VoiceTranscriptionException(VoiceTranscriptionFailure.EngineUnavailable, "pocketsphinx could not be started; install it with eng/install/speech.sh.", ex);
        }

        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var output = await stdout;
            await stderr;
            return process.ExitCode == 0
                ? output
                : throw new VoiceTranscriptionException(VoiceTranscriptionFailure.EngineFailed, $"pocketsphinx failed with exit code {process.ExitCode}.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string? ResolveExecutable(string executable)
    {
        if (Path.IsPathRooted(executable))
        {
            return File.Exists(executable) ? executable : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
    }
}
