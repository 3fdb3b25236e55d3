using System.Buffers.Binary;
using System.Diagnostics;
using Switchboard.Speech.Whisper;

namespace Switchboard.Benchmarks.Speech;

/// <summary>
/// What both sides of the comparison share: the libwhisper and whisper-cli that eng/install/speech.sh builds
/// from the same sources, one model (SWITCHBOARD_BENCH_WHISPER_MODEL, or the vocabulary-only test model whose
/// compute matches real tiny.en) and one 16 kHz WAV spoken by espeak-ng.
/// </summary>
internal sealed class WhisperBenchSetup : IDisposable
{
    public const string Sentence = "I want a refund because I was charged twice";

    private WhisperBenchSetup(string root, string model, string wav, float[] samples)
    {
        Root = root;
        ModelPath = model;
        WavPath = wav;
        Samples = samples;
        NativeFolder = Path.Combine(root, "native", "linux-x64");
        CliPath = Path.Combine(NativeFolder, "whisper-cli");
        Model = WhisperModel.Load(WhisperLibrary.Load(NativeFolder), model);
    }

    public string Root { get; }

    public string ModelPath { get; }

    public string WavPath { get; }

    public float[] Samples { get; }

    public string NativeFolder { get; }

    public string CliPath { get; }

    public WhisperModel Model { get; }

    public static WhisperBenchSetup Create()
    {
        var root = FindRoot();
        var model = Environment.GetEnvironmentVariable("SWITCHBOARD_BENCH_WHISPER_MODEL") is { Length: > 0 } m
            ? m
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "models", "for-tests-ggml-tiny.en.bin"));
        var folder = Directory.CreateTempSubdirectory("switchboard-bench-");
        var spoken = Path.Combine(folder.FullName, "spoken.wav");
        var wav = Path.Combine(folder.FullName, "note16k.wav");
        Run("espeak-ng", "-v", "en-us", "-s", "140", "-w", spoken, Sentence);
        Run("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", spoken, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", "-map_metadata", "-1", "-fflags", "+bitexact", wav);
        return new WhisperBenchSetup(root, model, wav, ReadWav16(File.ReadAllBytes(wav)));
    }

    /// <summary>The same call as the CLI makes: greedy, 1 thread, no fallback, the full 30 s window.</summary>
    public WhisperRunRequest Request(int audioContext) => new(Threads: 1, "en", audioContext, TemperatureIncrement: 0);

    /// <summary>whisper-cli with the matching flags; -bs 1 makes it greedy like the in-process call.</summary>
    public IReadOnlyList<string> CliArguments(int audioContext) =>
        ["-m", ModelPath, "-f", WavPath, "-t", "1", "-nf", "-bs", "1", "-ac", audioContext.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", "en"];

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(Path.GetDirectoryName(WavPath)!, recursive: true);
    }

    internal static float[] ReadWav16(byte[] wav)
    {
        var data = wav.AsSpan().IndexOf("data"u8) + 8;
        var samples = new float[(wav.Length - data) / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            // miniaudio, which whisper-cli reads WAVs with, scales s16 by 1/32768 as well.
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(data + (2 * i))) / 32768f;
        }

        return samples;
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException(file);
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {errors}");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Bot.sln not found: run from the repository.");
    }
}
