using System.Text.Json;
using Switchboard.Core.Campaigns;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Campaigns;

public sealed class RepeatedQuestionDetectorTests
{
    private static readonly DateTimeOffset From = CampaignTestData.GoLive;
    private static readonly DateTimeOffset Until = CampaignTestData.GoLive.AddHours(2);

    /// <summary>The replayed launch day (samples/launch-day.jsonl), every message of it.</summary>
    private static List<CampaignMessage> Replay() =>
        File.ReadLines(RepoPaths.InRepo("samples", "launch-day.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => new CampaignMessage(e.GetProperty("id").GetString()!, e.GetProperty("ts").GetDateTimeOffset(), e.GetProperty("platform").GetString()!, e.GetProperty("author").GetString(), e.GetProperty("text").GetString()!))
            .ToList();

    [Fact]
    public void Detect_LaunchBurst_FindsTheNotWorkingClusterWithItsApprovedAnswer()
    {
        var found = new RepeatedQuestionDetector(CampaignTestData.Example()).Detect(Replay(), From, Until);

        var cluster = Assert.Single(found);
        Assert.Equal("LAUNCH20 is not working at checkout", cluster.Question);
        Assert.Equal(["ld-0335", "ld-0336", "ld-0342"], cluster.MessageIds);
        Assert.StartsWith("📌 LAUNCH20 is not working at checkout? LAUNCH20 works on full-price Winter Craft Kits only", cluster.SuggestedClarification, StringComparison.Ordinal);
        Assert.EndsWith("Offer details: https://shop.example.com/winter-launch", cluster.SuggestedClarification, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_LowerThreshold_AlsoFindsTheLegitCluster()
    {
        var found = new RepeatedQuestionDetector(CampaignTestData.Example()) { MinClusterSize = 2 }.Detect(Replay(), From, Until);

        var legit = Assert.Single(found, q => q.Question == "Is the LAUNCH20 code legit?");
        Assert.Equal(["ld-0335", "ld-0339"], legit.MessageIds);
        Assert.All(found.SelectMany(q => q.MessageIds), id => Assert.StartsWith("ld-03", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_OutsideTheWindow_NothingFound() =>
        Assert.Empty(new RepeatedQuestionDetector(CampaignTestData.Example()).Detect(Replay(), From.AddHours(-9), From));

    [Fact]
    public void Detect_UnansweredRepeatedQuestion_ClusteredByWordingAndSentToCampaignOps()
    {
        var at = CampaignTestData.GoLive;
        CampaignMessage M(string id, string text) => new(id, at, "x", "a", text);

        var found = new RepeatedQuestionDetector(CampaignTestData.Example()).Detect(
            [M("1", "Does the promo ship to Canada?"), M("2", "does the promo ship to canada"), M("3", "Promo ship to Canada too?"), M("4", "Is the promo on mugs too?")],
            at, at.AddHours(1));

        var cluster = Assert.Single(found);
        Assert.Null(cluster.Answer);
        Assert.Equal(["1", "2", "3"], cluster.MessageIds);
        Assert.Contains("ask campaign ops (Lina Berg", cluster.SuggestedClarification, StringComparison.Ordinal);
    }
}
