using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Pii;
using Switchboard.Tests;
using Switchboard.UnitTests.Triage.Clustering;

namespace Switchboard.UnitTests.Triage;

public sealed class TriageEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static ITriageEngine Create(TriageOptions? options = null) =>
        TriageEngineFactory.Create(options ?? new TriageOptions(), new FixedTimeProvider(Start));

    private static List<TriageResult> TriageEvery30Seconds(ITriageEngine engine, IEnumerable<string> texts) =>
        [.. texts.Select((text, i) => engine.Triage(new TriageRequest($"m{i}", text, "x", true, null, Start.AddSeconds(i * 30))))];

    [Fact]
    public void Triage_EmptyText_ReturnsLowNoiseWithReason()
    {
        var result = Create().Triage(new TriageRequest("1", "   "));

        Assert.Equal(Intents.Noise, result.Intent);
        Assert.Equal(Severities.Low, result.Severity);
        Assert.Equal("und", result.Language);
        Assert.Contains(result.Reasons, r => r.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_NullText_TreatedAsEmpty()
    {
        var result = Create().Triage(new TriageRequest("1", null!));

        Assert.Equal(Intents.Noise, result.Intent);
    }

    [Fact]
    public void Triage_OneMegabyteText_ReturnsResult()
    {
        var text = string.Concat(Enumerable.Repeat("my refund never arrived and the app is broken ", 23_000));
        Assert.True(text.Length > 1_000_000);

        var result = Create().Triage(new TriageRequest("big", text));

        Assert.True(Intents.IsKnown(result.Intent));
        Assert.Equal("en", result.Language);
    }

    [Theory]
    [InlineData("refund \uD800 please \uDC00")]
    [InlineData("\u0000\u0001\u0002\u001B[31m charged twice \u007F")]
    [InlineData("\uFFFD\uFFFD broken utf8 \uFFFD")]
    public void Triage_InvalidTextOrControlCharacters_ReturnsResult(string text)
    {
        var result = Create().Triage(new TriageRequest("x", text));

        Assert.True(Intents.IsKnown(result.Intent));
        Assert.NotEmpty(result.Reasons);
    }

    [Fact]
    public void Triage_ForcedSafetyRule_DecidesIntentAndRaisesSeverity()
    {
        var result = Create().Triage(new TriageRequest("1", "honestly I want to kill myself after this week"));

        Assert.Equal(Intents.TrustSafety, result.Intent);
        Assert.Equal(Severities.Critical, result.Severity);
        Assert.Equal(1.0, result.Confidence);
        Assert.True(result.NeedsHuman);
        Assert.Equal("trust_safety", result.ForcedOwner);
        Assert.Contains("safety.self-harm", result.DecidedBy, StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.StartsWith("rule safety.self-harm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lol what a hoe 😂😂")]
    [InlineData("@user nobody asked you, dumbass")]
    public void Triage_AbusivePost_IsNeverFilteredUnseen(string text)
    {
        var result = Create().Triage(new TriageRequest("1", text, "discord", true));

        Assert.True(result.NeedsHuman);
        Assert.NotEqual(Severities.Low, result.Severity);
        Assert.Contains(result.Reasons, r => r.StartsWith("rule abuse.insult", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_LegalThreat_IsCriticalReputationRiskForLegal()
    {
        var result = Create().Triage(new TriageRequest("1", "@brand three weeks without my refund, my lawyer will contact you"));

        Assert.Equal(Intents.ReputationRisk, result.Intent);
        Assert.Equal(Severities.Critical, result.Severity);
        Assert.Equal("legal", result.ForcedOwner);
    }

    [Fact]
    public void Triage_ModelDecision_NamesModelVersionAndWords()
    {
        var engine = Create();
        var result = engine.Triage(new TriageRequest("1", "I was charged twice for my subscription, I want a refund"));

        Assert.Equal(Intents.Billing, result.Intent);
        Assert.StartsWith("triage-lr-", result.DecidedBy, StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.StartsWith("model triage-lr-", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_BelowAbstainThreshold_NeedsHumanWithReason()
    {
        var result = Create(new TriageOptions { AbstainBelow = 0.999 }).Triage(new TriageRequest("1", "hmm ok so about yesterday"));

        Assert.True(result.NeedsHuman);
        Assert.Contains(result.Reasons, r => r.StartsWith("abstained", StringComparison.Ordinal));
        Assert.Null(result.ClusterId);
    }

    [Fact]
    public void Triage_AboveAbstainThreshold_DoesNotAbstain()
    {
        var result = Create(new TriageOptions { AbstainBelow = 0.0 }).Triage(new TriageRequest("1", "hmm ok so about yesterday"));

        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("abstained", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_CardNumberInPublicPost_IsHighWithSpanAndNeedsHuman()
    {
        const string text = "@brand why did you charge my card 4111 1111 1111 1111 twice?";
        var result = Create().Triage(new TriageRequest("1", text, "x", IsPublic: true));

        var card = Assert.Single(result.Pii, p => p.Type == PiiTypes.PaymentCard);
        Assert.Equal("4111 1111 1111 1111", text[card.Start..card.End]);
        Assert.True(Severities.Rank(result.Severity) >= Severities.Rank(Severities.High));
        Assert.True(result.NeedsHuman);
    }

    [Fact]
    public void Triage_EmojiOnly_IsNoise()
    {
        var result = Create().Triage(new TriageRequest("1", "😂😂😂🔥"));

        Assert.Equal(Intents.Noise, result.Intent);
        Assert.Equal(Severities.Low, result.Severity);
    }

    [Fact]
    public void Triage_OutageSurgeAcrossPlatforms_OpensOneClusterAndRaisesSeverity()
    {
        var engine = Create();
        var platforms = new[] { "telegram", "discord", "slack", "teams" };
        var results = NearDuplicateClustererTests.OutageParaphrases
            .Select((text, i) => engine.Triage(new TriageRequest($"m{i}", text, platforms[i % 4], true, null, Start.AddSeconds(i * 25))))
            .ToList();

        var clustered = results.Where(r => r.ClusterId is not null).ToList();
        Assert.Single(clustered.Select(r => r.ClusterId).Distinct());
        Assert.Single(results, r => r.OpensCluster);
        Assert.True(clustered.Count >= 12, $"only {clustered.Count} of 20 joined");
        Assert.All(clustered, r => Assert.True(Severities.Rank(r.Severity) >= Severities.Rank(Severities.High)));
        Assert.Contains(clustered[^1].Reasons, r => r.StartsWith("cluster ", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_OutageSurge_OpeningResultNamesTheEarlierMembers()
    {
        var engine = Create();
        var results = OutageClustererTests.VariedOutageReports
            .Select((text, i) => engine.Triage(new TriageRequest($"m{i}", text, "telegram", true, null, Start.AddSeconds(i * 30))))
            .ToList();

        var opener = results.FindIndex(r => r.OpensCluster);
        Assert.True(opener > 0);
        var earlier = results[opener].EarlierMembers;
        // The default threshold is 5: the opener and four earlier reports still inside the window.
        Assert.Equal(4, earlier.Count);
        Assert.Equal(earlier.Order(StringComparer.Ordinal), earlier.Distinct().Order(StringComparer.Ordinal));
        Assert.All(earlier, id => Assert.True(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) < opener));
        Assert.All(results.Where(r => !r.OpensCluster), r => Assert.Empty(r.EarlierMembers));
    }

    [Fact]
    public void Triage_VariedOutageParaphrases_MakeOneIncident()
    {
        var results = TriageEvery30Seconds(Create(), OutageClustererTests.VariedOutageReports);

        var clustered = results.Where(r => r.ClusterId is not null).ToList();
        Assert.Single(clustered.Select(r => r.ClusterId).Distinct());
        Assert.Single(results, r => r.OpensCluster);
        // The shipped model calls 9 of the 20 outage and 4 more product issues with an outage word ("won't load",
        // "502"): 13 grouped, the last 9 after the incident opened. The rest (crash, blank screen, pre-sales, noise)
        // carry no outage word and stay out rather than risk pulling ordinary complaints into an incident.
        Assert.True(clustered.Count >= 8, $"only {clustered.Count} of 20 joined");
        Assert.Contains(clustered[^1].Reasons, r => r.Contains("about the whole service", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_TwentyUnrelatedMessages_MakeNoCluster()
    {
        var results = TriageEvery30Seconds(Create(), NearDuplicateClustererTests.Unrelated);

        Assert.All(results, r => Assert.Null(r.ClusterId));
    }

    [Fact]
    public void Triage_LoginAndTrackingOutagesAtOnce_MakeTwoIncidents()
    {
        var engine = Create();
        string[] login = ["login is down", "login servers down?", "sign in outage? can't log in", "is login down for everyone", "login page returns 503", "can't log in, getting a 500 error, is something down"];
        string[] tracking = ["tracking is down", "delivery tracking offline?", "parcel tracking page gives 503", "is package tracking down right now", "tracking outage? order status won't load", "delivery tracker not loading for anyone?"];

        var results = login.Zip(tracking, (l, t) => new[] { l, t }).SelectMany(p => p)
            .Select((text, i) => (Text: text, Result: engine.Triage(new TriageRequest($"m{i}", text, Timestamp: Start.AddSeconds(i * 20))))).ToList();

        var loginIds = results.Where(r => login.Contains(r.Text) && r.Result.ClusterId is not null).Select(r => r.Result.ClusterId).Distinct().ToList();
        var trackingIds = results.Where(r => tracking.Contains(r.Text) && r.Result.ClusterId is not null).Select(r => r.Result.ClusterId).Distinct().ToList();
        Assert.Single(loginIds);
        Assert.Single(trackingIds);
        Assert.NotEqual(loginIds[0], trackingIds[0]);
    }

    [Fact]
    public void Triage_LaunchDayOutageBurst_MostReportsJoinOneIncident()
    {
        var engine = Create();
        var burst = File.ReadLines(RepoPaths.InRepo("samples", "launch-day.jsonl"))
            .Select(line => JsonNode.Parse(line)!)
            .Where(m => string.CompareOrdinal((string)m["id"]!, "ld-0311") >= 0 && string.CompareOrdinal((string)m["id"]!, "ld-0334") <= 0)
            .ToList();

        var results = burst.Select(m => engine.Triage(new TriageRequest((string)m["id"]!, (string)m["text"]!, (string?)m["platform"], true, null, DateTimeOffset.Parse((string)m["ts"]!, CultureInfo.InvariantCulture)))).ToList();

        Assert.Equal(24, burst.Count);
        var clustered = results.Where(r => r.ClusterId is not null).ToList();
        Assert.Single(clustered.Select(r => r.ClusterId).Distinct());
        // 16 of 24 with the shipped model: 4 more form the incident before it opens, two name login or checkout
        // before it opens, and the model calls two product issues. The bound leaves room for retrained models.
        Assert.True(clustered.Count >= 14, $"only {clustered.Count} of 24 joined");
    }

    [Fact]
    public void Triage_ConcurrentCallers_AllGetResults()
    {
        var engine = Create();
        var results = new TriageResult[200];
        Parallel.For(0, results.Length, i => results[i] = engine.Triage(new TriageRequest($"m{i}", $"refund number {i} still missing", Timestamp: Start.AddSeconds(i))));

        Assert.All(results, r => Assert.True(Intents.IsKnown(r.Intent)));
    }

    [Fact]
    public void Triage_SurgeTheModelIsUnsureAbout_StillClusters()
    {
        var engine = Create(new TriageOptions { AbstainBelow = 1.0 });
        var results = NearDuplicateClustererTests.OutageParaphrases
            .Select((text, i) => engine.Triage(new TriageRequest($"m{i}", text, Timestamp: Start.AddSeconds(i * 20))))
            .ToList();

        Assert.All(results, r => Assert.True(r.NeedsHuman));
        Assert.Single(results, r => r.OpensCluster);
    }
}
