using BenchmarkDotNet.Attributes;
using Switchboard.Core.Triage;

namespace Switchboard.Benchmarks.Triage;

/// <summary>
/// The whole triage step per message (tokenize, model, rules, personal data, language, clustering), no I/O.
/// One invocation triages the whole corpus; BenchmarkDotNet reports time per message via OperationsPerInvoke.
/// Run: dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*Triage*'
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private const int Messages = 4096;
    private ITriageEngine engine = null!;
    private TriageRequest[] requests = null!;
    private KeywordTriageEngine keywords = null!;
    private int round;

    [GlobalSetup]
    public void Setup()
    {
        engine = TriageEngineFactory.Create();
        keywords = new KeywordTriageEngine();
        var texts = TriageCorpus.Load();
        var start = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        // One message every 50 ms of message time: the clustering window holds its realistic share.
        requests = [.. Enumerable.Range(0, Messages).Select(i => new TriageRequest($"m{i}", texts[(i * 7919) % texts.Length], "x", true, null, start.AddMilliseconds(50.0 * i)))];
    }

    [Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public int TriageEngine_WholeStep()
    {
        var sum = 0;
        // Each invocation is a later stretch of message time, as live traffic is: the clustering window
        // slides and evicts instead of piling up copies of the same messages at the same instants.
        var shift = TimeSpan.FromHours(++round);
        foreach (var request in requests)
        {
            sum += engine.Triage(request with { Timestamp = request.Timestamp!.Value + shift }).Pii.Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int KeywordBaseline()
    {
        var sum = 0;
        foreach (var request in requests)
        {
            sum += keywords.Triage(request).Reasons.Count;
        }

        return sum;
    }
}
