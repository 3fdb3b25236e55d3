using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Clustering;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.UnitTests.Triage.Clustering;

public sealed class NearDuplicateClustererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    internal static readonly string[] OutageParaphrases =
    [
        "@acme is the app down? won't load",
        "acme app down for anyone else?",
        "@acme app is down again, can't log in",
        "is the acme app down right now",
        "@acme your app is down, nothing loads",
        "acme app not loading, down for everyone?",
        "@acme app down?? been trying for 20 min",
        "anyone else have the acme app down",
        "@acme the app went down during checkout",
        "acme app down again ugh",
        "@acme app down in london too",
        "is acme down? app won't open",
        "@acme app down, error on launch",
        "acme app down for me and my sister",
        "@acme your app seems down",
        "the acme app is down again today",
        "@acme app down?? please fix",
        "acme app totally down",
        "@acme app down since 9am",
        "acme down? app just spins",
    ];

    internal static readonly string[] Unrelated =
    [
        "my parcel never arrived at the door",
        "love the new colour of the trainers",
        "refund still missing after three weeks",
        "how do I change my password",
        "do you ship to ireland",
        "promo code SAVE10 rejected at checkout",
        "the blender leaks from the bottom",
        "great service from the staff in leeds",
        "someone is impersonating your ceo",
        "my seat screen was broken on the flight",
        "is the large size back in stock",
        "charged twice for one ticket",
        "the lawyer letter arrives monday",
        "battery drains overnight since update",
        "when does the summer sale start",
        "account locked after verification",
        "food arrived cold and late",
        "wifi onboard never connected",
        "please add a dark mode option",
        "wrong item delivered, wanted blue",
    ];

    private static (ulong[] Signature, int Shingles) Sketch(string text)
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(text, tokens);
        var signature = new ulong[MinHashSketch.Size];
        var shingles = MinHashSketch.Compute(tokens, signature);
        return (signature, shingles);
    }

    private static NearDuplicateClusterer Create(int threshold = 5) =>
        new(threshold, TimeSpan.FromMinutes(10), similarity: 0.3, maxEntries: 10_000);

    [Fact]
    public void Assign_TwentyParaphrasedOutageReportsInTenMinutes_MakeOneCluster()
    {
        var clusterer = Create();
        var results = OutageParaphrases.Select((text, i) =>
        {
            var (signature, shingles) = Sketch(text);
            return clusterer.Assign(signature, shingles, Intents.Outage, Start.AddSeconds(i * 30));
        }).ToList();

        var ids = results.Where(r => r.ClusterId is not null).Select(r => r.ClusterId).Distinct().ToList();
        Assert.Single(ids);
        Assert.Single(results, r => r.Opens);
        Assert.True(results.Count(r => r.ClusterId is not null) >= 15, $"only {results.Count(r => r.ClusterId is not null)} of 20 joined");
        Assert.Equal(20, results[^1].Size);
    }

    [Fact]
    public void Assign_TwentyUnrelatedMessages_MakeNoCluster()
    {
        var clusterer = Create();
        var results = Unrelated.Select((text, i) =>
        {
            var (signature, shingles) = Sketch(text);
            return clusterer.Assign(signature, shingles, Intents.ProductIssue, Start.AddSeconds(i * 30));
        }).ToList();

        Assert.All(results, r => Assert.Null(r.ClusterId));
    }

    [Fact]
    public void Assign_ReportsSpreadBeyondWindow_MakeNoCluster()
    {
        var clusterer = Create();
        var results = OutageParaphrases.Take(10).Select((text, i) =>
        {
            var (signature, shingles) = Sketch(text);
            return clusterer.Assign(signature, shingles, Intents.Outage, Start.AddMinutes(i * 11));
        }).ToList();

        Assert.All(results, r => Assert.Null(r.ClusterId));
        Assert.Equal(1, clusterer.WindowCount);
    }

    [Fact]
    public void Assign_SameTextDifferentIntent_DoesNotJoin()
    {
        var clusterer = Create(threshold: 2);
        var (signature, shingles) = Sketch("the acme app is down again");

        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, Start).ClusterId);
        Assert.Null(clusterer.Assign(signature, shingles, Intents.ProductIssue, Start).ClusterId);
    }

    [Fact]
    public void Assign_ConcurrentCallers_CountEveryMemberOnce()
    {
        var clusterer = Create(threshold: 3);
        var (signature, shingles) = Sketch("acme checkout page is down");
        var results = new ClusterAssignment[400];
        Parallel.For(0, results.Length, i => results[i] = clusterer.Assign(signature, shingles, Intents.Outage, Start.AddMilliseconds(i)));

        Assert.Single(results, r => r.Opens);
        Assert.Equal(400, results.Max(r => r.Size));
    }

    [Fact]
    public void Assign_WindowGrowsPastItsFirstCapacity_StillJoinsEarlierReports()
    {
        // The ring starts at 1,024 messages and grows (rebuilding its bucket table) as the window fills.
        var clusterer = Create(threshold: 4);
        var (signature, shingles) = Sketch("acme checkout page is down again");
        var at = Start;
        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, at).ClusterId);
        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, at).ClusterId);
        for (var i = 0; i < 2500; i++)
        {
            var (other, otherShingles) = Sketch($"filler{i} words{i} only{i}");
            Assert.Null(clusterer.Assign(other, otherShingles, Intents.Outage, at = at.AddMilliseconds(100)).ClusterId);
        }

        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, at).ClusterId);
        var fourth = clusterer.Assign(signature, shingles, Intents.Outage, at);

        Assert.Equal(2504, clusterer.WindowCount);
        Assert.True(fourth.Opens);
        Assert.Equal(4, fourth.Size);
    }

    [Fact]
    public void Assign_MoreMessagesThanTheWindowHolds_OldestLeaveFirst()
    {
        var clusterer = new NearDuplicateClusterer(3, TimeSpan.FromMinutes(10), 0.3, maxEntries: 100);
        var (signature, shingles) = Sketch("acme checkout page is down again");
        clusterer.Assign(signature, shingles, Intents.Outage, Start);
        clusterer.Assign(signature, shingles, Intents.Outage, Start);
        for (var i = 0; i < 150; i++)
        {
            var (other, otherShingles) = Sketch($"filler{i} words{i} only{i}");
            clusterer.Assign(other, otherShingles, Intents.Outage, Start);
        }

        var third = clusterer.Assign(signature, shingles, Intents.Outage, Start);

        Assert.Equal(100, clusterer.WindowCount);
        Assert.Null(third.ClusterId);
    }

    [Fact]
    public void Compute_EmojiOnly_HasTooFewShinglesToCluster()
    {
        var clusterer = Create(threshold: 2);
        var (signature, shingles) = Sketch("🔥🔥🔥");

        Assert.Equal(0, shingles);
        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, Start).ClusterId);
        Assert.Null(clusterer.Assign(signature, shingles, Intents.Outage, Start).ClusterId);
    }

    [Fact]
    public void Assign_ClusterOpens_ListsEveryEarlierMemberOldestFirst()
    {
        var clusterer = Create(threshold: 4);
        var (signature, shingles) = Sketch("acme checkout page is down again");
        var results = new List<ClusterAssignment>();
        for (var i = 0; i < 6; i++)
        {
            var (other, otherShingles) = Sketch(Unrelated[i]);
            clusterer.Assign(other, otherShingles, Intents.Outage, Start.AddSeconds(i * 20), $"other{i}");
            results.Add(clusterer.Assign(signature, shingles, Intents.Outage, Start.AddSeconds((i * 20) + 10), $"m{i}"));
        }

        var opening = Assert.Single(results, r => r.Opens);
        Assert.True(results[3].Opens);
        Assert.Equal(["m0", "m1", "m2"], opening.EarlierMembers);
        Assert.All(results.Where(r => !r.Opens), r => Assert.Null(r.EarlierMembers));
    }

    [Fact]
    public void Assign_EarlierMemberLeftTheWindow_IsNotListed()
    {
        var clusterer = Create(threshold: 3);
        var (signature, shingles) = Sketch("acme checkout page is down again");
        clusterer.Assign(signature, shingles, Intents.Outage, Start, "gone");
        clusterer.Assign(signature, shingles, Intents.Outage, Start.AddMinutes(8), "kept1");
        clusterer.Assign(signature, shingles, Intents.Outage, Start.AddMinutes(12), "kept2");

        var opening = clusterer.Assign(signature, shingles, Intents.Outage, Start.AddMinutes(13), "opener");

        Assert.True(opening.Opens);
        Assert.Equal(["kept1", "kept2"], opening.EarlierMembers);
    }

    [Fact]
    public void Assign_SecondCluster_ListsOnlyItsOwnMembers()
    {
        var clusterer = Create(threshold: 3);
        var (checkout, checkoutShingles) = Sketch("acme checkout page is down again");
        var (refund, refundShingles) = Sketch("refund still missing after three weeks");
        var openings = new List<ClusterAssignment>();
        for (var i = 0; i < 3; i++)
        {
            openings.Add(clusterer.Assign(checkout, checkoutShingles, Intents.Outage, Start.AddSeconds(i * 20), $"checkout{i}"));
            openings.Add(clusterer.Assign(refund, refundShingles, Intents.Outage, Start.AddSeconds((i * 20) + 10), $"refund{i}"));
        }

        Assert.Equal(2, openings.Count(o => o.Opens));
        Assert.Equal(["checkout0", "checkout1"], openings[4].EarlierMembers);
        Assert.Equal(["refund0", "refund1"], openings[5].EarlierMembers);
        Assert.NotEqual(openings[4].ClusterId, openings[5].ClusterId);
    }
}
