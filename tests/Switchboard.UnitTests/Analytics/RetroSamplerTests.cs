using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Analytics;

public sealed class RetroSamplerTests
{
    [Fact]
    public void Sample_ManyOfOneIntentFewOfOthers_EveryIntentRepresented()
    {
        var at = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        var cases = Enumerable.Range(1, 40).Select(i => new CaseRecord(i, $"k{i}", "x", "playground", CaseStatus.Resolved, 1, at, at) { Intent = i <= 34 ? "billing" : i <= 37 ? "outage" : "feedback" });

        var sample = RetroSampler.Sample(cases, 10, new Random(7));

        Assert.Equal(10, sample.Count);
        Assert.Equal(10, sample.Select(c => c.Id).Distinct().Count());
        Assert.Equal(3, sample.Count(c => c.Intent == "outage"));
        Assert.Equal(3, sample.Count(c => c.Intent == "feedback"));
        Assert.Equal(4, sample.Count(c => c.Intent == "billing"));
    }

    [Fact]
    public void Sample_FewerCasesThanSize_TakesThemAll()
    {
        var at = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        var cases = Enumerable.Range(1, 3).Select(i => new CaseRecord(i, $"k{i}", "x", "playground", CaseStatus.Resolved, 1, at, at) { Intent = "billing" });

        Assert.Equal(3, RetroSampler.Sample(cases, 10, new Random(1)).Count);
    }
}
