using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review;

/// <summary>
/// An outage surge on the real host: similar reports from many customers become one incident cluster owned by the
/// incident team, later reports join it without cards of their own, and one approved status reply reaches them all.
/// </summary>
public sealed class IncidentClusterTests : PlaygroundHostTests
{
    [Fact]
    public async Task OutageSurge_OneIncidentCard_OneStatusReplyReachesEveryMember()
    {
        var ct = TestContext.Current.CancellationToken;
        var playground = new PlaygroundClient(Host.Http);
        var authors = Enumerable.Range(1, 8).Select(i => $"user{i}").ToArray();
        foreach (var author in authors)
        {
            await playground.PostAsync("tg-community", author, "the app is down for me, nothing loads at all since this morning");
        }

        var messages = Host.Get<IMessageStore>();
        await Eventually.TrueAsync(async () => (await messages.ListUnprocessedAsync(10, ct)).Count == 0, TimeSpan.FromSeconds(60), "every report to be processed");
        var cases = await Host.Get<ICaseStore>().ListAsync(new CaseQuery(), ct);
        var clustered = cases.Where(c => c.ClusterId is not null).ToList();
        Assert.True(clustered.Count >= 3, $"{clustered.Count} of {cases.Count} cases joined a cluster");
        Assert.Single(clustered.Select(c => c.ClusterId).Distinct());

        var incidentCard = await playground.CardInAsync("incident");
        Assert.Single(await playground.PostsInAsync("incident", "card"));

        var approved = await playground.ActAsync(PlaygroundClient.TokenOf(incidentCard, "approve"), "dana");

        Assert.True((bool)approved["accepted"]!, approved.ToJsonString());
        await Eventually.TrueAsync(
            async () => (await Host.Get<ICaseStore>().ListAsync(new CaseQuery(), ct)).Where(c => c.ClusterId is not null).All(c => c.Status == CaseStatus.Replied),
            TimeSpan.FromSeconds(30),
            "every clustered case to be answered");
        // "Replied" is committed with the outbox rows; the playground shows a reply once the sender delivers it.
        await Eventually.TrueAsync(
            async () => (await playground.PostsInAsync("tg-community", "reply")).Count >= clustered.Count,
            TimeSpan.FromSeconds(30),
            "every clustered customer's reply to be delivered");
        var replies = await playground.PostsInAsync("tg-community", "reply");
        Assert.True(replies.Count >= clustered.Count, $"{replies.Count} replies for {clustered.Count} clustered cases");
        Assert.Single(replies.Select(r => (string?)r["text"]).Distinct());
    }
}
