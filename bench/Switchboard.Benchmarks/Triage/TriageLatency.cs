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
        Array.Sort(samples);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"CPU time {cpu.TotalSeconds:0.000} s for {n} messages: {n / cpu.TotalSeconds:0} msg per CPU-second; wall {total.Elapsed.TotalSeconds:0.000} s"));
        output.WriteLine(string.Create(inv, $"whole triage step, 1 thread, {n} messages: {n / total.Elapsed.TotalSeconds:0} msg/s; per message p50 {Percentile(samples, 0.50):0.0} µs, p90 {Percentile(samples, 0.90):0.0} µs, p99 {Percentile(samples, 0.99):0.0} µs, max {samples[^1]:0} µs"));

        // Parts, each over the same texts.
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
            clusterer.Assign(signature, k, Intents.Outage, clock);
        });
        Part(output, "language", texts, t => language.Identify(t));
        return 0;
    }

    private static void Part(TextWriter output, string name, string[] texts, Action<string> action)
    {
        foreach (var t in texts)
        {
            action(t);
        }

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 3; round++)
        {
            foreach (var t in texts)
            {
                action(t);
            }
        }

        var perMessage = clock.Elapsed.TotalMicroseconds / (3.0 * texts.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-26} {perMessage,7:0.00} µs/msg"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
