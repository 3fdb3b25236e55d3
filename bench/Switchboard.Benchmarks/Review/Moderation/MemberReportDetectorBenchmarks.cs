using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Benchmarks.Review.Moderation;

/// <summary>
/// The cost of asking whether a message reads as a member's report (once per moderation press on a trust &amp;
/// safety case): a short report that matches, a tweet-length message that matches nothing (the whole text is scanned),
/// and building the pattern from the default phrases (once per options reload).
/// <c>dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*MemberReport*'</c>
/// </summary>
[MemoryDiagnoser]
public class MemberReportDetectorBenchmarks
{
    private const string Report = "@admin this is a scam, he DMed me too";
    private const string Harmless =
        "URGENT: your account was hacked. Verify your login code at bit.ly/verify-now within 12hrs or it will be closed. " +
        "Our support desk answers within minutes, and your balance stays safe once the code is confirmed by our team today.";

    private readonly MemberReportDetector _detector = new(new FixedMonitor(new ModerationOptions()));

    [GlobalSetup]
    public void Setup() => _detector.IsReport(Report);

    [Benchmark]
    public bool ShortReport() => _detector.IsReport(Report);

    [Benchmark]
    public bool TweetLengthNoMatch() => _detector.IsReport(Harmless);

    [Benchmark]
    public Regex BuildDefaultPattern() => MemberReportDetector.Build(ModerationOptions.DefaultReportPhrases);

    private sealed class FixedMonitor(ModerationOptions value) : IOptionsMonitor<ModerationOptions>
    {
        public ModerationOptions CurrentValue => value;

        public ModerationOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ModerationOptions, string?> listener) => null;
    }
}
