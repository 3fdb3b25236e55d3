using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>The launch-day walkthrough in the playground: a command, its card in the channel, and a checklist button.</summary>
public sealed class CampaignPlaygroundTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<JsonObject> CommandAsync(TestHost host, string text)
    {
        var response = await host.Http.PostAsJsonAsync("/playground/api/commands", new { channelId = "campaign-ops", reviewer = "lina", text }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /commands answered {(int)response.StatusCode}: {body}");
        return body!;
    }

    [Fact]
    public async Task Commands_StartThenPressDone_OneChecklistCardEditedInPlace()
    {
        await using var host = await TestHost.StartAsync(_folder.File("playground.db"));
        var playground = new PlaygroundClient(host.Http);

        await CommandAsync(host, "/campaign factsheet maya-launch20");
        var factsheet = await playground.CardInAsync("campaign-ops", c => c["card"]!.ToJsonString().Contains("shop.example.com/winter-launch", StringComparison.Ordinal));
        Assert.False(PlaygroundClient.HasActions(factsheet));

        await CommandAsync(host, "/campaign start maya-launch20");
        var checklist = await playground.CardInAsync("campaign-ops", PlaygroundClient.HasActions);
        var done = PlaygroundClient.TokenOf(checklist, "task_done");

        var result = await playground.ActAsync(done, "lina");

        Assert.True((bool)result["accepted"]!, result.ToJsonString());
        var edited = await playground.CardInAsync("campaign-ops", c => c["card"]!.ToJsonString().Contains("factsheet marked done by @lina", StringComparison.Ordinal));
        Assert.Equal((long)checklist["id"]!, (long)edited["id"]!);
        var checklists = (await playground.PostsInAsync("campaign-ops", "card")).Where(PlaygroundClient.HasActions).ToList();
        Assert.Single(checklists);
        Assert.DoesNotContain(done, checklists[0]["card"]!.ToJsonString(), StringComparison.Ordinal); // the done task lost its buttons
    }

    [Fact]
    public async Task PromoCodeProblem_ReviewCardLandsInCampaignOpsWithTheCodesFacts()
    {
        await using var host = await TestHost.StartAsync(_folder.File("playground.db"));
        var playground = new PlaygroundClient(host.Http);

        await playground.PostAsync("tg-community", "jo", "code LAUNCH20 not working for me at checkout");

        var card = await playground.CardInAsync("review-campaign-ops", c => c["card"]!.ToJsonString().Contains("Promo code", StringComparison.Ordinal));
        var json = card["card"]!.ToJsonString();
        Assert.Contains("LAUNCH20: ", json, StringComparison.Ordinal);
        Assert.Contains("Valid window", json, StringComparison.Ordinal);
        Assert.Contains("Factsheet terms", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_NotACommand_BadRequest()
    {
        await using var host = await TestHost.StartAsync(_folder.File("playground.db"));

        var response = await host.Http.PostAsJsonAsync("/playground/api/commands", new { channelId = "campaign-ops", reviewer = "lina", text = "hello" }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
