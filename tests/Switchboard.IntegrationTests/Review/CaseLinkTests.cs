using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review;

/// <summary>A reviewer links two cases that are one issue, or splits a message out, by hand.</summary>
public sealed class CaseLinkTests : PlaygroundHostTests
{
    private async Task<StoredMessage> ProcessedAsync(JsonObject posted) =>
        await Eventually.GetAsync(async () =>
        {
            var m = await Host.Get<IMessageStore>().GetAsync((long)posted["messageId"]!, TestContext.Current.CancellationToken);
            return m?.ProcessedAt is null ? null : m;
        });

    [Fact]
    public async Task Link_TwoCasesOfOneIssue_MessagesMoveAndSecondCloses()
    {
        // The same person on two platforms: two cases until a reviewer links them.
        var onTelegram = await ProcessedAsync(await Playground.PostAsync("tg-community", "mia", "My refund for order 1182 never arrived"));
        var onX = await ProcessedAsync(await Playground.PostAsync("x-mentions", "mia", "Still waiting on that refund @acme"));
        Assert.NotEqual(onTelegram.CaseId, onX.CaseId);

        var response = await Host.Http.PostAsJsonAsync($"/playground/api/cases/{onTelegram.CaseId}/link", new { otherCaseId = onX.CaseId, reviewer = "dana" }, TestContext.Current.CancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.True((bool)result!["accepted"]!, result.ToJsonString());
        var cases = Host.Get<ICaseStore>();
        Assert.Equal(onTelegram.CaseId, (await Host.Get<IMessageStore>().GetAsync(onX.Id, TestContext.Current.CancellationToken))!.CaseId);
        Assert.Equal(CaseStatus.Resolved, (await cases.GetAsync(onX.CaseId!.Value, TestContext.Current.CancellationToken))!.Status);
        Assert.Contains(await cases.GetEventsAsync(onTelegram.CaseId!.Value, TestContext.Current.CancellationToken), e => e.Kind == "case.linked" && e.Actor == "user:@dana");
        Assert.Contains(await cases.GetEventsAsync(onX.CaseId!.Value, TestContext.Current.CancellationToken), e => e.Kind == "case.linked_into");
    }

    [Fact]
    public async Task Split_MessageThatIsAnotherIssue_GetsItsOwnCase()
    {
        var first = await ProcessedAsync(await Playground.PostAsync("dc-support", "noa", "I was charged twice this month"));
        var second = await ProcessedAsync(await Playground.PostAsync("dc-support", "noa", "Also, unrelated: the app crashes when I open settings"));
        Assert.Equal(first.CaseId, second.CaseId);

        var response = await Host.Http.PostAsJsonAsync($"/playground/api/messages/{second.Id}/split", new { reviewer = "dana" }, TestContext.Current.CancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.True((bool)result!["accepted"]!, result.ToJsonString());
        var moved = await Host.Get<IMessageStore>().GetAsync(second.Id, TestContext.Current.CancellationToken);
        Assert.NotEqual(first.CaseId, moved!.CaseId);
        Assert.Equal((long)result["caseId"]!, moved.CaseId);
        Assert.Contains(await Host.Get<ICaseStore>().GetEventsAsync(first.CaseId!.Value, TestContext.Current.CancellationToken), e => e.Kind == "case.split");
    }

    [Fact]
    public async Task Split_OnlyMessage_RefusedClearly()
    {
        var only = await ProcessedAsync(await Playground.PostAsync("dc-support", "oli", "Where is my parcel?"));

        var response = await Host.Http.PostAsJsonAsync($"/playground/api/messages/{only.Id}/split", new { reviewer = "dana" }, TestContext.Current.CancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.False((bool)result!["accepted"]!);
        Assert.Contains("only message", (string?)result["message"], StringComparison.Ordinal);
    }
}
