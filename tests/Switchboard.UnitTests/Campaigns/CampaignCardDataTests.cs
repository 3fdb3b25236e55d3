using System.Text.Json.Nodes;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignCardDataTests
{
    private readonly Campaign _campaign = CampaignTestData.Example();

    private static IEnumerable<JsonObject> Actions(CardPayload card) =>
        card.Card["actions"]?.AsArray().Select(a => a!.AsObject()) ?? [];

    [Fact]
    public void Checklist_OpenTasks_DoneAndBlockedButtonsWithTokens()
    {
        var run = new LaunchRun(7, _campaign.Name, _campaign.GoLive, "lina", _campaign.GoLive.AddHours(-30), new ChannelAddress("playground", "ops"),
            _campaign.Checklist.Select(t => new LaunchTask(t.Id, t.Id == "factsheet" ? LaunchTaskStates.Done : LaunchTaskStates.Open, t.Id == "factsheet" ? "lina" : null, null, "lr.d-" + t.Id, "lr.b-" + t.Id)).ToArray(),
            new HashSet<string>());

        var card = new BuiltInCardComposer().Compose(CardKinds.Checklist, CampaignCardData.Checklist(_campaign, run, _campaign.GoLive.AddHours(-2), "T-24h checkpoint"));

        Assert.Equal(CardKinds.Checklist, card.Kind);
        var actions = Actions(card).ToArray();
        Assert.Equal((_campaign.Checklist.Count - 1) * 2, actions.Length);
        Assert.Contains(actions, a => (string?)a["verb"] == "task_done" && (string?)a["data"]!["token"] == "lr.d-saved-replies");
        Assert.Contains(actions, a => (string?)a["verb"] == "task_blocked" && (string?)a["data"]!["token"] == "lr.b-code-test");
        Assert.DoesNotContain(actions, a => (string?)a["data"]!["token"] == "lr.d-factsheet");
        Assert.Contains("T-24h checkpoint", card.FallbackText, StringComparison.Ordinal);
        var texts = card.Card["body"]!.AsArray().Select(b => (string?)b!["text"] ?? string.Empty).ToArray();
        Assert.Contains(texts, t => t.StartsWith("⏰ [pre-launch] T-24h · Prepare saved replies", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("✅ [pre-launch] T-24h · Confirm offer terms", StringComparison.Ordinal));
    }

    [Fact]
    public void Factsheet_Example_ShowsCodeFactsAndApprovedAnswers()
    {
        var card = new BuiltInCardComposer().Compose(CardKinds.Factsheet, CampaignCardData.Factsheet(_campaign, _campaign.GoLive.AddMinutes(5)));

        var json = card.Card.ToJsonString();
        Assert.Contains("LAUNCH20 is valid", json, StringComparison.Ordinal);
        Assert.Contains("Is the LAUNCH20 code legit?", json, StringComparison.Ordinal);
        Assert.Contains("https://shop.example.com/winter-launch", json, StringComparison.Ordinal);
        Assert.Empty(Actions(card));
    }

    [Fact]
    public void Kpi_Facts_RenderedAsFactSet()
    {
        var card = new BuiltInCardComposer().Compose(CardKinds.Kpi, CampaignCardData.Kpi("Staffing", [("Agents", "7")]));

        var facts = card.Card["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("7", (string?)Assert.Single(facts)!["value"]);
    }
}
