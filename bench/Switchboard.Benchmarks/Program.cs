using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Speech;
using Switchboard.Benchmarks.Triage;

namespace Switchboard.Benchmarks;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // `whisper-vs-cli` prints the in-process vs whisper-cli comparison directly (interleaved runs, medians).
        // `latency [file]` measures triage's per-message latency distribution (p50/p99) and the cost of each step.
        // `langid` prints language-identification accuracy on UDHR paragraphs.
        // Everything else goes to BenchmarkDotNet (`-- --filter '*Triage*'`, `'*Whisper*'`, `'*Card*'`).
        if (args.Length > 0 && args[0] == WhisperVsCliComparison.Verb)
        {
            return await WhisperVsCliComparison.RunAsync(args[1..], Console.Out, CancellationToken.None);
        }

        if (args.Length > 0 && args[0] == "latency")
        {
            return TriageLatency.Run(args.Length > 1 ? args[1] : null, Console.Out);
        }

        if (args.Length > 0 && args[0] == "langid")
        {
            return LanguageIdAccuracy.Run(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
