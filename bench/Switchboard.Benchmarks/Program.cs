using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Triage;

namespace Switchboard.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        // `-- langid` prints language-identification accuracy on UDHR paragraphs.
        // `-- latency [file]` measures the per-message latency distribution (p50/p99) and the cost of each
        // triage step with a plain stopwatch loop; everything else goes to BenchmarkDotNet.
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
