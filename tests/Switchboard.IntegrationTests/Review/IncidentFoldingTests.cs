using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review;

/// <summary>
/// The reports that arrived before an outage incident opened, on the real host over SQLite: when the fifth report
/// (the default threshold) opens the incident, the first four become members, their review cards are closed in place,
/// the incident card is the only card left to act on, and its one status reply reaches every reporter.
/// </summary>
public sealed class IncidentFoldingTests : PlaygroundHostTests
{
    private const int Threshold = 5;
    private const string Report = "the app is down for me, nothing loads at all since this morning";

    [Fact]
    public async Task OutageBurst_EarlierReportsFoldIntoTheIncident_OneCardOneReplyForAll()
    {
        var ct = TestContext.Current.CancellationToken;
        var earlier = new List<long>();
        for (var i = 1; i < Threshold; i++)
        {
            earlier.Add(await ProcessedCaseOfAsync(await Playground.PostAsync("tg-community", $"user{i}", Report)));
        }

        // Before the threshold each report is a case of its own with its own review card.
        await Eventually.TrueAsync(async () => (await CardsOfAsync(earlier)).Count == earlier.Count, what: "the early reports' review cards");
        Assert.All(await CardsOfAsync(earlier), card => Assert.True(PlaygroundClient.HasActions(card)));
        var cardsBefore = (await CardsOfAsync(earlier)).Select(c => (long)c["id"]!).Order().ToList();
        var staleApprove = PlaygroundClient.TokenOf((await CardsOfAsync([earlier[0]])).Single(), "approve");

        var incidentId = await ProcessedCaseOfAsync(await Playground.PostAsync("tg-community", $"user{Threshold}", Report));

        var store = Host.Get<ICaseStore>();
        var incident = (await store.GetAsync(incidentId, ct))!;
        Assert.NotNull(incident.ClusterId);
        Assert.Equal(incidentId, (await store.FindOpenByClusterAsync(incident.ClusterId, ct))!.Id);
        var folded = Assert.Single(await store.GetEventsAsync(incidentId, ct), e => e.Kind == "cluster.folded");
        Assert.Equal(earlier, JsonNode.Parse(folded.Detail!)!["cases"]!.AsArray().Select(n => (long)n!));
        foreach (var id in earlier)
        {
            var member = (await store.GetAsync(id, ct))!;
            Assert.Equal(incident.ClusterId, member.ClusterId);
            Assert.Equal(CaseStatus.AwaitingApproval, member.Status);
            var joined = JsonNode.Parse(Assert.Single(await store.GetEventsAsync(id, ct), e => e.Kind == "cluster.joined").Detail!)!;
            Assert.True((bool)joined["folded"]!);
            Assert.Equal(incidentId, (long)joined["incidentCase"]!);
            Assert.Equal(incident.ClusterId, (string?)joined["cluster"]);
            Assert.Equal(Threshold, (int)joined["size"]!);
        }

        // The early cards were updated in place (same posts, no new ones) and offer nothing to press any more.
        await Eventually.TrueAsync(async () => (await CardsOfAsync(earlier)).All(c => !PlaygroundClient.HasActions(c)), what: "the early cards to lose their buttons");
        var closed = await CardsOfAsync(earlier);
        Assert.Equal(cardsBefore, closed.Select(c => (long)c["id"]!).Order());
        Assert.All(closed, c => Assert.Contains($"Folded into incident #{incidentId}", c["card"]!.ToJsonString(), StringComparison.Ordinal));

        // A button from before the fold (a copy the update did not reach) says where the report went.
        var stale = await Playground.ActAsync(staleApprove, "dana");
        Assert.False((bool)stale["accepted"]!);
        Assert.Contains($"folded into incident #{incidentId}", (string?)stale["message"], StringComparison.Ordinal);

        var incidentCard = Assert.Single(await Playground.PostsInAsync("incident", "card"));
        Assert.Contains($"{Threshold} similar", incidentCard["card"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await Playground.FeedAsync(), p => (string?)p["kind"] == "card" && PlaygroundClient.HasActions(p));

        var approved = await Playground.ActAsync(PlaygroundClient.TokenOf(incidentCard, "approve"), "dana");

        Assert.True((bool)approved["accepted"]!, approved.ToJsonString());
        var everyone = earlier.Append(incidentId).ToList();
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(everyone.Select(id => store.GetAsync(id, ct)))).All(c => c!.Status == CaseStatus.Replied),
            TimeSpan.FromSeconds(30),
            "every reporter's case to be answered");
        foreach (var id in earlier)
        {
            Assert.Contains(await store.GetEventsAsync(id, ct), e => e.Kind == "reply.queued" && e.Detail!.Contains($"\"incidentCase\":{incidentId}", StringComparison.Ordinal));
        }

        await Eventually.TrueAsync(async () => (await Playground.PostsInAsync("tg-community", "reply")).Count >= Threshold, TimeSpan.FromSeconds(30), "a reply to every reporter");
        var replies = await Playground.PostsInAsync("tg-community", "reply");
        Assert.Equal(Threshold, replies.Count);
        Assert.Single(replies.Select(r => (string?)r["text"]).Distinct());
    }

    [Fact]
    public async Task OutageBurst_EarlyReportAlreadyApproved_IsLeftAsItIs()
    {
        var ct = TestContext.Current.CancellationToken;
        var approvedCase = await ProcessedCaseOfAsync(await Playground.PostAsync("tg-community", "user1", Report));
        var card = await Eventually.GetAsync(async () => (await CardsOfAsync([approvedCase])).FirstOrDefault(), what: "the first report's card");
        var approval = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "dana");
        Assert.True((bool)approval["accepted"]!, approval.ToJsonString());
        var waiting = new List<long>();
        for (var i = 2; i < Threshold; i++)
        {
            waiting.Add(await ProcessedCaseOfAsync(await Playground.PostAsync("tg-community", $"user{i}", Report)));
        }

        var incidentId = await ProcessedCaseOfAsync(await Playground.PostAsync("tg-community", $"user{Threshold}", Report));

        var store = Host.Get<ICaseStore>();
        var approved = (await store.GetAsync(approvedCase, ct))!;
        Assert.Equal(CaseStatus.Replied, approved.Status);
        Assert.Null(approved.ClusterId);
        Assert.DoesNotContain(await store.GetEventsAsync(approvedCase, ct), e => e.Kind == "cluster.joined");
        var folded = Assert.Single(await store.GetEventsAsync(incidentId, ct), e => e.Kind == "cluster.folded");
        Assert.Equal(waiting, JsonNode.Parse(folded.Detail!)!["cases"]!.AsArray().Select(n => (long)n!));
        await Eventually.TrueAsync(async () => (await CardsOfAsync(waiting)).All(c => !PlaygroundClient.HasActions(c)), what: "the waiting cards to close");
        var approvedCard = Assert.Single(await CardsOfAsync([approvedCase]));
        Assert.Contains("Approved by @dana", approvedCard["card"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Folded into", approvedCard["card"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FoldAsync_PersonActsBetweenReadAndCommit_CaseLeftToThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var posted = await Playground.PostAsync("tg-community", "user1", Report);
        var caseId = await ProcessedCaseOfAsync(posted);
        var store = Host.Get<ICaseStore>();
        // A reviewer approves in the moment between the fold reading the case and committing it.
        var racing = new RacingCaseStore(store, async () =>
        {
            var c = (await store.GetAsync(caseId, ct))!;
            var approved = await store.CommitAsync(
                new CaseCommit(c with { Status = CaseStatus.Replied }, c.Version) { Events = [new CaseEventDraft("review.approved", "user:@dana", null, null)] },
                ct);
            Assert.True(approved.Committed);
        });
        var folding = new IncidentFolding(racing, Host.Get<IMessageStore>(), Host.Get<ReviewCardOutbox>(), TimeProvider.System, NullLogger<IncidentFolding>.Instance);
        var opening = new TriageResult(Intents.Outage, Severities.High, 0.9, "en", [], "cl-test-1", Threshold, true, [], "test")
        {
            OpensCluster = true,
            EarlierMembers = [((long)posted["messageId"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };

        var folded = await folding.FoldAsync(caseId + 1000, opening, ct);

        Assert.Empty(folded);
        var after = (await store.GetAsync(caseId, ct))!;
        Assert.Equal(CaseStatus.Replied, after.Status);
        Assert.Null(after.ClusterId);
        Assert.DoesNotContain(await store.GetEventsAsync(caseId, ct), e => e.Kind == "cluster.joined");
    }

    /// <summary>Waits until the posted message went through the pipeline and returns its case id.</summary>
    private async Task<long> ProcessedCaseOfAsync(JsonObject posted)
    {
        var messages = Host.Get<IMessageStore>();
        var stored = await Eventually.GetAsync(
            async () => await messages.GetAsync((long)posted["messageId"]!, TestContext.Current.CancellationToken) is { ProcessedAt: not null } m ? m : null,
            TimeSpan.FromSeconds(30),
            "the message to be processed");
        return stored.CaseId!.Value;
    }

    /// <summary>The review-card posts (any channel) of these cases, recognised by their heading.</summary>
    private async Task<List<JsonObject>> CardsOfAsync(IReadOnlyCollection<long> caseIds) =>
        (await Playground.FeedAsync())
            .Where(p => (string?)p["kind"] == "card" && caseIds.Any(id => p["card"]!.ToJsonString().Contains($"Case #{id} ", StringComparison.Ordinal)))
            .ToList();

    /// <summary>The real store, with someone else's change landing just before the first case commit.</summary>
    private sealed class RacingCaseStore(ICaseStore inner, Func<Task> interfere) : ICaseStore
    {
        private bool interfered;

        public async Task<CaseCommitResult> CommitAsync(CaseCommit commit, CancellationToken cancellationToken)
        {
            if (!interfered)
            {
                interfered = true;
                await interfere();
            }

            return await inner.CommitAsync(commit, cancellationToken);
        }

        public Task<CaseRecord?> GetAsync(long caseId, CancellationToken cancellationToken) => inner.GetAsync(caseId, cancellationToken);

        public Task<CaseRecord?> FindOpenByCustomerAsync(string customerKey, CancellationToken cancellationToken) => inner.FindOpenByCustomerAsync(customerKey, cancellationToken);

        public Task<CaseRecord?> FindLatestByCustomerAsync(string customerKey, CancellationToken cancellationToken) => inner.FindLatestByCustomerAsync(customerKey, cancellationToken);

        public Task<CaseRecord?> FindOpenByClusterAsync(string clusterId, CancellationToken cancellationToken) => inner.FindOpenByClusterAsync(clusterId, cancellationToken);

        public Task<IReadOnlyList<CaseCommitResult>> CommitManyAsync(IReadOnlyList<CaseCommit> commits, CancellationToken cancellationToken) => inner.CommitManyAsync(commits, cancellationToken);

        public Task AppendEventsAsync(long caseId, IReadOnlyList<CaseEventDraft> events, CancellationToken cancellationToken) => inner.AppendEventsAsync(caseId, events, cancellationToken);

        public Task<IReadOnlyList<CaseEvent>> GetEventsAsync(long caseId, CancellationToken cancellationToken) => inner.GetEventsAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public Task<SlaRecord?> GetSlaAsync(long caseId, CancellationToken cancellationToken) => inner.GetSlaAsync(caseId, cancellationToken);

        public Task<IReadOnlyList<(long CaseId, SlaRecord Sla)>> ListSlaDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.ListSlaDueAsync(now, limit, cancellationToken);

        public Task<bool> RecordSlaAsync(long caseId, string expectedStateJson, SlaRecord sla, IReadOnlyList<CaseEventDraft> events, IReadOnlyList<OutboxItemDraft> outbox, CancellationToken cancellationToken) =>
            inner.RecordSlaAsync(caseId, expectedStateJson, sla, events, outbox, cancellationToken);

        public Task<ActionTokenRecord?> FindActionTokenAsync(string token, CancellationToken cancellationToken) => inner.FindActionTokenAsync(token, cancellationToken);
    }
}
