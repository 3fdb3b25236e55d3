using System.Diagnostics;
using System.Globalization;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Language;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Normalization;
using Switchboard.Core.Triage.Pii;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Benchmarks.Triage;

/// <summary>
/// Per-message latency of the whole triage step (p50, p99, max) on one thread, and the mean cost of each
/// part, measured with Stopwatch timestamps after a warm-up. Complements the BenchmarkDotNet throughput figure.
/// </summary>
internal static class TriageLatency
{
    /// <summary>Passes over the corpus (after one warm-up pass), each a later stretch of message time.</summary>
    private const int Rounds = 8;

    public static int Run(string? path, TextWriter output)
    {
        var texts = TriageCorpus.Load(path);
        var engine = TriageEngineFactory.Create();
        var start = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var requests = texts.Select((t, i) => new TriageRequest($"m{i}", t, "x", true, null, start.AddMilliseconds(50.0 * i))).ToArray();
        foreach (var r in requests)
        {
            engine.Triage(r);
        }

        var samples = new double[requests.Length * Rounds];
        var n = 0;
        // CPU time as well as wall time: on a shared machine the wall clock also counts time other
        // processes held the core, while CPU time is what one core spent on triage.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var r in requests)
            {
                var t0 = Stopwatch.GetTimestamp();
                engine.Triage(r with { Timestamp = r.Timestamp!.Value.AddHours(round + 1) });
                samples[n++] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }
        }

        total.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        // The request copies (`with`) are the benchmark's own; the rest is what triage allocates per message.
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)n;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var gen2 = GC.CollectionCount(2) - gen2Before;
        Array.Sort(samples);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"CPU time {cpu.TotalSeconds:0.000} s for {n} messages: {n / cpu.TotalSeconds:0} msg per CPU-second; wall {total.Elapsed.TotalSeconds:0.000} s"));
        output.WriteLine(string.Create(inv, $"allocated {allocated:0} bytes per message (request copy included); GCs: {gen0} gen0, {gen2} gen2"));
        output.WriteLine(string.Create(inv, $"whole triage step, 1 thread, {n} messages: {n / total.Elapsed.TotalSeconds:0} msg/s; per message p50 {Percentile(samples, 0.50):0.0} µs, p90 {Percentile(samples, 0.90):0.0} µs, p99 {Percentile(samples, 0.99):0.0} µs, max {samples[^1]:0} µs"));

        // The whole step again without clustering, and with clustering but outage reports by MinHash only:
        // what clustering, and grouping outages by what they name, add on top of the rest.
        output.WriteLine("whole step, 3 passes each, per message:");
        Whole(output, "whole step, no clustering", requests, new TriageOptions { ClusterIntents = [] });
        Whole(output, "whole step, MinHash only", requests, new TriageOptions { ClusterOutageByTerms = false });
        Whole(output, "whole step (default)", requests, new TriageOptions());

        // Parts, each over the same texts.
        output.WriteLine("parts (each includes what its name lists):");
        var model = TriageEngineFactory.LoadEmbeddedModel();
        var rules = RuleSet.LoadDefault();
        var language = LanguageIdentifier.CreateDefault();
        var pii = new PiiDetector(rules.PiiPatterns, rules.Pii.DetectStreetAddress);
        var tokens = new TokenizedText();
        var features = new int[512];
        var scores = new float[model.Classes];
        var fired = new bool[rules.Rules.Count];
        var first = new int[rules.Rules.Count];
        Part(output, "tokenize", texts, t => TextTokenizer.Tokenize(t, tokens));
        Part(output, "tokenize+features", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            FeatureExtractor.Extract(tokens, model.BucketMask, ref features);
        });
        Part(output, "tokenize+features+model", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            var k = FeatureExtractor.Extract(tokens, model.BucketMask, ref features);
            model.Score(features.AsSpan(0, k), scores);
        });
        Part(output, "tokenize+rules", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            Array.Clear(fired);
            rules.Match(tokens, fired, first);
        });
        Part(output, "personal data", texts, t => pii.Detect(t));
        var clusterer = new Switchboard.Core.Triage.Clustering.NearDuplicateClusterer(5, TimeSpan.FromMinutes(10), 0.3, 50_000);
        var signature = new ulong[Switchboard.Core.Triage.Clustering.MinHashSketch.Size];
        var clock = start;
        Part(output, "tokenize+minhash", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            Switchboard.Core.Triage.Clustering.MinHashSketch.Compute(tokens, signature);
        });
        Part(output, "tokenize+minhash+cluster", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            var k = Switchboard.Core.Triage.Clustering.MinHashSketch.Compute(tokens, signature);
            clock = clock.AddMilliseconds(50);
            // The text stands in for the request id: the clusterer keeps a reference either way.
            clusterer.Assign(signature, k, Intents.Outage, clock, t);
        });
        var outage = new Switchboard.Core.Triage.Clustering.OutageClusterer(5, TimeSpan.FromMinutes(10), 50_000,
            TriageOptions.DefaultClusterOutageFeatures, TriageOptions.DefaultClusterOutageServiceWords, TriageOptions.DefaultClusterOutageWords);
        Part(output, "tokenize+outage terms", texts, t =>
        {
            TextTokenizer.Tokenize(t, tokens);
            clock = clock.AddMilliseconds(50);
            outage.TryAssign(tokens, clock, outageIntent: true, out _, t);
        });
        Part(output, "language", texts, t => language.Identify(t));
        return 0;
    }

    private static void Whole(TextWriter output, string name, TriageRequest[] requests, TriageOptions options)
    {
        var engine = TriageEngineFactory.Create(options);
        foreach (var r in requests)
        {
            engine.Triage(r);
        }

        // The previous configuration's engine (and its clustering window) is garbage now: collect it here
        // rather than inside this configuration's measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Measure.Start();
        for (var round = 0; round < 3; round++)
        {
            foreach (var r in requests)
            {
                engine.Triage(r with { Timestamp = r.Timestamp!.Value.AddHours(round + 1) });
            }
        }

        clock.Report(output, name, 3 * requests.Length);
    }

    private static void Part(TextWriter output, string name, string[] texts, Action<string> action)
    {
        foreach (var t in texts)
        {
            action(t);
        }

        var clock = Measure.Start();
        for (var round = 0; round < 3; round++)
        {
            foreach (var t in texts)
            {
                action(t);
            }
        }

        clock.Report(output, name, 3 * texts.Length);
    }

    /// <summary>Wall and process CPU time of one stage: on a shared machine the CPU figure is the steadier one.</summary>
    private readonly record struct Measure(long Started, TimeSpan Cpu)
    {
        public static Measure Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

        public void Report(TextWriter output, string name, int messages)
        {
            var wall = Stopwatch.GetElapsedTime(Started).TotalMicroseconds / messages;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMicroseconds / messages;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {cpu,7:0.00} µs/msg CPU {wall,7:0.00} µs/msg wall"));
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
