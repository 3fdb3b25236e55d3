using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Clustering;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.UnitTests.Triage.Clustering;

public sealed class OutageClustererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    /// <summary>One outage reported twenty different ways: few of these share more than one word.</summary>
    internal static readonly string[] VariedOutageReports =
    [
        "app won't load",
        "site down?",
        "is the website down for everyone or just me",
        "servers down again, nothing works",
        "getting 503 errors on every page",
        "blank screen whenever I open it",
        "can't connect at all. outage??",
        "everything is offline for me",
        "the whole platform just crashed",
        "keeps spinning forever @acme",
        "is the service unavailable right now",
        "error 502 on launch",
        "checkout broken for anyone else?",
        "the store isn't loading 😡",
        "home page times out, timeout every time",
        "launch day and your system is down. great.",
        "acme crashing on my phone and my laptop",
        "nothing loads, unreachable from berlin",
        "web version broken as well",
        "still down here, any ETA?",
    ];

    internal static readonly string[] LoginOutage =
    [
        "can't log in, password is right",
        "login page keeps failing",
        "sign in broken for me",
        "stuck at the login screen",
        "the 2fa code never arrives so I can't sign in",
        "login fails with an error",
        "can't sign in on the app",
        "logging in just loops back",
    ];

    internal static readonly string[] TrackingOutage =
    [
        "tracking page shows nothing for my parcel",
        "delivery tracking is broken",
        "can't track my package",
        "the tracker hasn't updated all day, is tracking down",
        "parcel tracking gives an error",
        "tracking number not found",
        "delivery status page is down",
        "track order button does nothing",
    ];

    private static OutageClusterer Create(int threshold = 5, Dictionary<string, List<string>>? features = null) =>
        new(threshold, TimeSpan.FromMinutes(10), 10_000,
            features ?? TriageOptions.DefaultClusterOutageFeatures, TriageOptions.DefaultClusterOutageServiceWords, TriageOptions.DefaultClusterOutageWords);

    private static (bool Placed, ClusterAssignment Assignment) Assign(OutageClusterer clusterer, string text, DateTimeOffset at, bool outageIntent = true, string? id = null)
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(text, tokens);
        var placed = clusterer.TryAssign(tokens, at, outageIntent, out var assignment, id);
        return (placed, assignment);
    }

    [Fact]
    public void TryAssign_TwentyVariedParaphrasesInTenMinutes_MakeOneCluster()
    {
        var clusterer = Create();

        var results = VariedOutageReports.Select((text, i) => Assign(clusterer, text, Start.AddSeconds(i * 30))).ToList();

        Assert.All(results, r => Assert.True(r.Placed));
        var clustered = results.Where(r => r.Assignment.ClusterId is not null).ToList();
        Assert.Single(clustered.Select(r => r.Assignment.ClusterId).Distinct());
        Assert.Single(results, r => r.Assignment.Opens);
        // The first four form the incident before it opens; every later report carries its id.
        Assert.Equal(16, clustered.Count);
        Assert.Equal(20, results[^1].Assignment.Size);
        Assert.Equal(OutageClusterer.Service, results[^1].Assignment.Topic);
    }

    [Fact]
    public void TryAssign_TwoSimultaneousOutages_MakeTwoClusters()
    {
        var clusterer = Create();
        var interleaved = LoginOutage.Zip(TrackingOutage, (login, tracking) => new[] { login, tracking }).SelectMany(p => p).ToList();

        var results = interleaved.Select((text, i) => (Text: text, Result: Assign(clusterer, text, Start.AddSeconds(i * 20)))).ToList();

        var login = results.Where(r => LoginOutage.Contains(r.Text)).Select(r => r.Result.Assignment).ToList();
        var tracking = results.Where(r => TrackingOutage.Contains(r.Text)).Select(r => r.Result.Assignment).ToList();
        var loginId = Assert.Single(login.Where(a => a.ClusterId is not null).Select(a => a.ClusterId).Distinct());
        var trackingId = Assert.Single(tracking.Where(a => a.ClusterId is not null).Select(a => a.ClusterId).Distinct());
        Assert.NotEqual(loginId, trackingId);
        Assert.Equal("login", login[^1].Topic);
        Assert.Equal("tracking", tracking[^1].Topic);
        Assert.Equal(2, results.Count(r => r.Result.Assignment.Opens));
    }

    [Fact]
    public void TryAssign_FeatureReportDuringServiceIncident_JoinsIt()
    {
        var clusterer = Create();
        var incident = VariedOutageReports.Take(6).Select((text, i) => Assign(clusterer, text, Start.AddSeconds(i * 10)).Assignment).Last().ClusterId;

        var (_, checkout) = Assign(clusterer, "checkout fails with 500", Start.AddMinutes(2));

        Assert.NotNull(incident);
        Assert.Equal(incident, checkout.ClusterId);
    }

    [Fact]
    public void TryAssign_FeatureWithItsOwnIncident_StaysSeparateFromServiceIncident()
    {
        var clusterer = Create();
        var login = LoginOutage.Take(5).Select((text, i) => Assign(clusterer, text, Start.AddSeconds(i * 10)).Assignment).Last().ClusterId;
        var service = VariedOutageReports.Take(5).Select((text, i) => Assign(clusterer, text, Start.AddSeconds(60 + (i * 10))).Assignment).Last().ClusterId;

        var (_, later) = Assign(clusterer, "still can't log in", Start.AddMinutes(3));

        Assert.NotNull(login);
        Assert.NotNull(service);
        Assert.NotEqual(login, service);
        Assert.Equal(login, later.ClusterId);
    }

    [Fact]
    public void TryAssign_TextNamingNothing_IsLeftToNearDuplicateClustering()
    {
        var clusterer = Create(threshold: 2);

        Assert.False(Assign(clusterer, "hmm what is going on with you guys", Start).Placed);
        Assert.False(Assign(clusterer, "😡😡😡", Start).Placed);
        Assert.Equal(0, clusterer.WindowCount);
    }

    [Fact]
    public void TryAssign_OtherIntentWithoutOutageWord_IsLeftToNearDuplicateClustering()
    {
        var clusterer = Create(threshold: 2);

        Assert.False(Assign(clusterer, "the app crashes when I upload a photo", Start, outageIntent: false).Placed);
        Assert.False(Assign(clusterer, "my seat screen was broken on the flight", Start, outageIntent: false).Placed);
        Assert.False(Assign(clusterer, "battery went down to zero overnight", Start, outageIntent: false).Placed);
        Assert.False(Assign(clusterer, "a bit slow to load content now and then", Start, outageIntent: false).Placed);
        Assert.True(Assign(clusterer, "the app crashes when I upload a photo", Start, outageIntent: true).Placed);
    }

    [Fact]
    public void TryAssign_OtherIntentWithOutageWord_CountsAsOutageReport()
    {
        var clusterer = Create(threshold: 2);

        var first = Assign(clusterer, "is login down for everyone", Start, outageIntent: false);
        var second = Assign(clusterer, "login page returns 503", Start.AddSeconds(5), outageIntent: false);

        Assert.True(first.Placed);
        Assert.True(second.Assignment.Opens);
        Assert.Equal("login", second.Assignment.Topic);
    }

    [Fact]
    public void TryAssign_ReportsSpreadBeyondWindow_MakeNoCluster()
    {
        var clusterer = Create();

        var results = VariedOutageReports.Take(10).Select((text, i) => Assign(clusterer, text, Start.AddMinutes(i * 11))).ToList();

        Assert.All(results, r => Assert.Null(r.Assignment.ClusterId));
        Assert.Equal(1, clusterer.WindowCount);
    }

    [Fact]
    public void TryAssign_ConfiguredFeature_GroupsByItsWords()
    {
        var clusterer = Create(threshold: 3, features: new() { ["boarding"] = ["boarding", "gate"] });

        var results = new[] { "boarding passes won't download", "gate screens blank", "boarding pass error" }
            .Select((text, i) => Assign(clusterer, text, Start.AddSeconds(i)).Assignment).ToList();

        Assert.Equal("boarding", results[^1].Topic);
        Assert.True(results[^1].Opens);
    }

    [Fact]
    public void TryAssign_ConcurrentCallers_CountEveryMemberOnce()
    {
        var clusterer = Create(threshold: 3);
        var results = new ClusterAssignment[400];

        Parallel.For(0, results.Length, i => results[i] = Assign(clusterer, "checkout page is down", Start.AddMilliseconds(i)).Assignment);

        Assert.Single(results, r => r.Opens);
        Assert.Equal(400, results.Max(r => r.Size));
    }

    [Fact]
    public void TryAssign_ClusterOpens_ListsEveryEarlierMemberOldestFirst()
    {
        var clusterer = Create();

        var results = VariedOutageReports.Take(7).Select((text, i) => Assign(clusterer, text, Start.AddSeconds(i * 30), id: $"r{i}").Assignment).ToList();

        var opening = Assert.Single(results, r => r.Opens);
        Assert.Equal(["r0", "r1", "r2", "r3"], opening.EarlierMembers);
        Assert.All(results.Where(r => !r.Opens), r => Assert.Null(r.EarlierMembers));
    }

    [Fact]
    public void TryAssign_EarlierMemberLeftTheWindow_IsNotListed()
    {
        var clusterer = Create(threshold: 3);
        Assign(clusterer, VariedOutageReports[0], Start, id: "gone");
        Assign(clusterer, VariedOutageReports[1], Start.AddMinutes(8), id: "kept1");
        Assign(clusterer, VariedOutageReports[2], Start.AddMinutes(12), id: "kept2");

        var (_, opening) = Assign(clusterer, VariedOutageReports[3], Start.AddMinutes(13), id: "opener");

        Assert.True(opening.Opens);
        Assert.Equal(["kept1", "kept2"], opening.EarlierMembers);
    }

    [Fact]
    public void TryAssign_TwoSimultaneousOutages_EachOpeningListsOnlyItsOwnMembers()
    {
        var clusterer = Create();
        var openings = new List<(string Feature, ClusterAssignment Assignment)>();
        for (var i = 0; i < LoginOutage.Length; i++)
        {
            foreach (var (feature, text) in new[] { ("login", LoginOutage[i]), ("tracking", TrackingOutage[i]) })
            {
                var (_, assignment) = Assign(clusterer, text, Start.AddSeconds(openings.Count + (i * 20)), id: $"{feature}{i}");
                if (assignment.Opens)
                {
                    openings.Add((feature, assignment));
                }
            }
        }

        Assert.Equal(2, openings.Count);
        Assert.All(openings, o => Assert.Equal(Enumerable.Range(0, 4).Select(i => $"{o.Feature}{i}"), o.Assignment.EarlierMembers!));
    }
}
