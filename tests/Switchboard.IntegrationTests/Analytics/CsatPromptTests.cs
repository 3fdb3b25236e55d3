using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Analytics;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>Resolving a case asks the customer for a rating in private; a bare 1–5 answer is recorded on that case.</summary>
public sealed class CsatPromptTests : PlaygroundHostTests
{
    [Fact]
    public async Task Resolve_PromptsInDm_AnswerIsRecordedOnTheCaseWithoutOpeningANewOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var playground = new PlaygroundClient(Host.Http);
        await playground.PostAsync("tg-community", "xan", "I was charged twice, refund please");
        var card = await playground.CardInAsync("review-finance");
        var approved = await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "fin");
        var caseId = (long)approved["caseId"]!;
        var resolved = await Host.Http.PostAsJsonAsync($"/playground/api/cases/{caseId}/actions", new { action = "resolve", reviewer = "sam" }, ct);
        Assert.True((bool)(await resolved.Content.ReadFromJsonAsync<JsonObject>(ct))!["accepted"]!);

        var prompt = await Eventually.GetAsync(async () => (await playground.PostsInAsync("tg-dm", "reply")).FirstOrDefault(p => (string?)p["text"] == CsatPrompt.Text), what: "the rating prompt in the DM");
        Assert.Equal("tg-dm:xan", (string?)prompt["conversationId"]);
        var answer = await playground.PostAsync("tg-dm", "xan", "5");

        var cases = Host.Get<ICaseStore>();
        var rated = await Eventually.GetAsync(async () => (await cases.GetEventsAsync(caseId, ct)).FirstOrDefault(e => e.Kind == "csat.rated"), what: "the rating");
        Assert.Contains("\"score\":5", rated.Detail, StringComparison.Ordinal);
        Assert.Single(await cases.ListAsync(new CaseQuery(), ct));
        // The rating is recorded first, then the answer is attached to the rated case in the same pipeline run.
        var attached = await Eventually.GetAsync(async () => await Host.Get<IMessageStore>().GetAsync((long)answer["messageId"]!, ct) is { ProcessedAt: not null } m ? m : null, what: "the answer to be processed");
        Assert.Equal(caseId, attached.CaseId);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 4/5 ", 4)]
    [InlineData("1.", 1)]
    [InlineData("6", null)]
    [InlineData("5 stars, the app is still broken", null)]
    public void ScoreOf_OnlyABareNumberFromOneToFiveCounts(string text, int? expected) =>
        Assert.Equal(expected, CsatPrompt.ScoreOf(text));
}
