using Microsoft.AspNetCore.Http;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Handoff;

/// <summary>
/// The private handoff on the real host: approving a billing reply (matrix: ticket with account context) opens a
/// Zendesk ticket carrying the case's whole cross-channel history, through the outbox, and links its id on the case.
/// </summary>
public sealed class CaseHandoffTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private LoopbackFakeServer _zendesk = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _zendesk = await LoopbackFakeServer.StartAsync(TestContext.Current.CancellationToken);
        _zendesk.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status201Created, """{"ticket":{"id":4242,"status":"new"}}""");
        _host = await TestHost.StartAsync(_folder.File("handoff.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Handoff:Zendesk:Enabled"] = "true",
            ["Switchboard:Handoff:Zendesk:BaseUrl"] = _zendesk.BaseUrl.ToString(),
            ["Switchboard:Handoff:Zendesk:Email"] = "agent@example.test",
            ["Switchboard:Handoff:Zendesk:ApiToken"] = "test-token-not-secret",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zendesk.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Approve_BillingCase_TicketWithTheWholeHistoryIsLinkedOnTheCase()
    {
        var playground = new PlaygroundClient(_host.Http);
        await playground.PostAsync("x-mentions", "uma", "You charged me twice this month, refund please");
        await playground.CardInAsync("review-finance");
        await playground.PostAsync("x-dm", "uma", "Following up in DM: the second charge was on the 3rd");
        var card = await playground.CardInAsync("review-finance");
        var cases = _host.Get<ICaseStore>();
        var caseId = (await cases.ListAsync(new CaseQuery(), TestContext.Current.CancellationToken)).Single().Id;
        await Eventually.TrueAsync(async () => (await _host.Get<IMessageStore>().ListByCaseAsync(caseId, TestContext.Current.CancellationToken)).All(m => m.ProcessedAt is not null));
        card = (await playground.PostsInAsync("review-finance", "card")).Single();

        var approved = await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "fin");

        Assert.True((bool)approved["accepted"]!, approved.ToJsonString());
        var linked = await Eventually.GetAsync(async () => (await cases.GetAsync(caseId, TestContext.Current.CancellationToken)) is { TicketRef: not null } c ? c : null, what: "the ticket to be linked");
        Assert.Equal("zendesk:4242", linked.TicketRef);
        var create = Assert.Single(_zendesk.Requests, r => r.Method == "POST");
        Assert.EndsWith("/api/v2/tickets.json", create.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("charged me twice", create.Body, StringComparison.Ordinal);
        Assert.Contains("the second charge was on the 3rd", create.Body, StringComparison.Ordinal);
        Assert.Contains(await cases.GetEventsAsync(caseId, TestContext.Current.CancellationToken), e => e.Kind == "handoff.ticket_created");
    }
}
