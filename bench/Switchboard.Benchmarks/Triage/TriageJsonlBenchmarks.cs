using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Jsonl;

namespace Switchboard.Benchmarks.Triage;

/// <summary>
/// What `switchboard triage` does per line, in process: JSONL parsed from bytes, triage, the escalation matrix's
/// owner, JSONL written, on the runner's two threads. Complements bench/triage-e2e.sh, whose figure also
/// carries process start-up and tiered compilation.
/// Run: dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*TriageJsonl*'
/// </summary>
[MemoryDiagnoser]
public class TriageJsonlBenchmarks
{
    private const int Messages = 4096;
    private MatrixTriageEngine engine = null!;
    private byte[] input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        engine = new MatrixTriageEngine(
            TriageEngineFactory.Create(),
            new Router(RoutingConfigLoader.LoadFiles(Path.Combine(root, "config", "escalation-matrix.yaml"), Path.Combine(root, "config", "teams.yaml"))));
        var texts = TriageCorpus.Load();
        // No "ts": message time is the clock, as for live traffic, so repeated invocations slide the
        // clustering window forward instead of replaying the same instants.
        var sb = new StringBuilder();
        for (var i = 0; i < Messages; i++)
        {
            sb.Append(JsonSerializer.Serialize(new { id = $"m{i}", text = texts[(i * 7919) % texts.Length], platform = "x", @public = true })).Append('\n');
        }

        input = Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<int> TriageJsonl_ParseTriageRouteWrite()
    {
        using var inStream = new MemoryStream(input, writable: false);
        using var outStream = new MemoryStream(input.Length * 2);
        var summary = await new TriageJsonlRunner(engine, engine.WriteOwner).RunAsync(inStream, outStream, TextWriter.Null, CancellationToken.None);
        return summary.Processed;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
