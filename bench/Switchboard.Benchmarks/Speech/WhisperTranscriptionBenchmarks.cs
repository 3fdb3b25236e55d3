using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Switchboard.Speech.Whisper;

namespace Switchboard.Benchmarks.Speech;

/// <summary>
/// BenchmarkDotNet view of the same comparison: in-process whisper_full (full window and trimmed audio_ctx)
/// against a whole whisper-cli process on the same model and WAV, 1 thread.
/// `dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*WhisperTranscription*'`
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class WhisperTranscriptionBenchmarks
{
    private WhisperBenchSetup? _setup;

    [GlobalSetup]
    public void Setup() => _setup = WhisperBenchSetup.Create();

    [GlobalCleanup]
    public void Cleanup() => _setup?.Dispose();

    [Benchmark(Baseline = true, Description = "whisper-cli process (full window)")]
    public void CliProcess()
    {
        var start = new ProcessStartInfo(_setup!.CliPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in _setup.CliArguments(0))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    [Benchmark(Description = "in-process whisper_full (full window)")]
    public int InProcessFullWindow() => _setup!.Model.Run(_setup.Samples, _setup.Request(0), null, CancellationToken.None).Segments.Count;

    [Benchmark(Description = "in-process whisper_full (audio_ctx trimmed)")]
    public int InProcessTrimmed() =>
        _setup!.Model.Run(_setup.Samples, _setup.Request(WhisperRunRequest.TrimmedAudioContext(_setup.Samples.Length / 16000.0)), null, CancellationToken.None).Segments.Count;
}
