using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Benchmarks.Speech;

/// <summary>
/// `dotnet run -c Release --project bench/Switchboard.Benchmarks -- whisper-vs-cli [runs] [audio_ctx]`:
/// runs in-process whisper_full and whisper-cli alternately on the same model and audio with 1 thread
/// (alternating, so background load on a shared box hits both sides alike) and prints medians and ratios.
/// Three figures: in-process whisper_full; whisper-cli's own compute (its "total time" minus "load time",
/// i.e. the same whisper_full work measured inside the CLI); and the CLI's whole process wall time.
/// </summary>
internal static partial class WhisperVsCliComparison
{
    public const string Verb = "whisper-vs-cli";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var audioContext = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        using var setup = WhisperBenchSetup.Create();
        var request = setup.Request(audioContext);

        // Warm-up on both sides: OpenMP pool and JIT in process, page cache for the CLI.
        setup.Model.Run(setup.Samples, request, null, cancellationToken);
        await RunCliAsync(setup, audioContext, cancellationToken);

        var inProcess = new List<double>();
        var cliCompute = new List<double>();
        var cliWall = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            setup.Model.Run(setup.Samples, request, null, cancellationToken);
            inProcess.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var (wall, compute) = await RunCliAsync(setup, audioContext, cancellationToken);
            cliWall.Add(wall);
            cliCompute.Add(compute);
        }

        var ip = Median(inProcess);
        var cc = Median(cliCompute);
        var cw = Median(cliWall);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            whisper.cpp {setup.Model.Library.Version}, model {Path.GetFileName(setup.ModelPath)}, audio {setup.Samples.Length / 16000.0:F2} s, 1 thread, audio_ctx {audioContext}, {runs} interleaved runs
            in-process whisper_full           median {ip,8:F1} ms   (min {inProcess.Min(),7:F1}, max {inProcess.Max(),7:F1})
            whisper-cli compute (total-load)  median {cc,8:F1} ms   (min {cliCompute.Min(),7:F1}, max {cliCompute.Max(),7:F1})
            whisper-cli process wall time     median {cw,8:F1} ms   (min {cliWall.Min(),7:F1}, max {cliWall.Max(),7:F1})
            ratio in-process / cli compute     {ip / cc:F3}   (target <= 1.1)
            ratio in-process / cli wall        {ip / cw:F3}
            """));
        return 0;
    }

    private static async Task<(double WallMs, double ComputeMs)> RunCliAsync(WhisperBenchSetup setup, int audioContext, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(setup.CliPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in setup.CliArguments(audioContext))
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("whisper-cli did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await stdout;
        var log = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("whisper-cli failed: " + log);
        }

        return (wall, Timing(log, "total time") - Timing(log, "load time"));
    }

    private static double Timing(string log, string name)
    {
        var match = TimingPattern().Matches(log).FirstOrDefault(m => m.Groups["name"].Value == name)
            ?? throw new InvalidOperationException($"whisper-cli printed no '{name}'");
        return double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"whisper_print_timings:\s+(?<name>[a-z ]+?)\s+=\s+(?<ms>[0-9.]+) ms")]
    private static partial Regex TimingPattern();
}
