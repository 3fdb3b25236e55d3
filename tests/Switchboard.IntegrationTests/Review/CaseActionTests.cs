using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review;

/// <summary>Assign, resolve and reopen by case id: role-checked, audited, and the SLA clocks follow.</summary>
public sealed class CaseActionTests : PlaygroundHostTests
{
    /// <summary>The one case, once the pipeline is through with it (a card, or an auto-sent reply).</summary>
    private async Task<long> TriagedCaseAsync() =>
        (await Eventually.GetAsync(async () => (await Host.Get<ICaseStore>().ListAsync(new CaseQuery(), TestContext.Current.CancellationToken))
            .FirstOrDefault(c => c.Status is not (CaseStatus.New or CaseStatus.Triaged)), what: "the case to be triaged")).Id;

    private async Task<JsonObject> ActAsync(long caseId, string action, string reviewer, string? assignee = null)
    {
        var response = await Host.Http.PostAsJsonAsync($"/playground/api/cases/{caseId}/actions", new { action, reviewer, assignee }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task AssignResolveReopen_ByAnAgent_EachAuditedAndTheCaseMoves()
    {
        await Playground.PostAsync("dc-support", "pia", "My parcel never arrived and tracking is stuck");
        var cases = Host.Get<ICaseStore>();
        var caseId = await TriagedCaseAsync();

        var assigned = await ActAsync(caseId, "assign", "sam", "dana");
        var resolved = await ActAsync(caseId, "resolve", "sam");
        var reopened = await ActAsync(caseId, "reopen", "sam");

        Assert.True((bool)assigned["accepted"]!, assigned.ToJsonString());
        Assert.True((bool)resolved["accepted"]!, resolved.ToJsonString());
        Assert.True((bool)reopened["accepted"]!, reopened.ToJsonString());
        var c = await cases.GetAsync(caseId, TestContext.Current.CancellationToken);
        Assert.Equal(CaseStatus.Reopened, c!.Status);
        Assert.Equal("@dana", c.Assignee);
        Assert.Null(c.ResolvedAt);
        var kinds = (await cases.GetEventsAsync(caseId, TestContext.Current.CancellationToken)).Select(e => e.Kind).ToList();
        Assert.Contains("case.assigned", kinds);
        Assert.Contains("case.resolved", kinds);
        Assert.Contains("case.reopened", kinds);
    }

    [Fact]
    public async Task Reopen_CaseNotResolved_RefusedClearly()
    {
        await Playground.PostAsync("dc-support", "quin", "Where is my order?");
        var caseId = await TriagedCaseAsync();

        var result = await ActAsync(caseId, "reopen", "sam");

        Assert.False((bool)result["accepted"]!);
        Assert.Contains("nothing to reopen", (string?)result["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ByAStranger_RefusedAndAudited()
    {
        await Playground.PostAsync("dc-support", "rae", "Where is my order?");
        var caseId = await TriagedCaseAsync();

        var result = await ActAsync(caseId, "resolve", "mallory");

        Assert.False((bool)result["accepted"]!);
        Assert.Contains(await Host.Get<ICaseStore>().GetEventsAsync(caseId, TestContext.Current.CancellationToken), e => e.Kind == "review.refused" && e.Actor == "user:@mallory");
    }
}
