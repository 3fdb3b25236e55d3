using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Speech;

namespace Switchboard.Benchmarks;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // `whisper-vs-cli` prints the in-process vs whisper-cli comparison directly (interleaved runs, medians);
        // everything else goes to BenchmarkDotNet (`-- --filter '*Whisper*'`).
        if (args.Length > 0 && args[0] == WhisperVsCliComparison.Verb)
        {
            return await WhisperVsCliComparison.RunAsync(args[1..], Console.Out, CancellationToken.None);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
