using System.Text.Json.Nodes;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Cards.Rendering.Teams;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsActivitiesTests
{
    private static readonly CardPayload Card = new("review", JsonNode.Parse("""
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Refund?"}],
         "actions":[{"type":"Action.Execute","title":"Approve","verb":"approve","data":{"token":"t1"}}]}
        """)!.AsObject(), "Review: refund");

    [Fact]
    public void Activity_RenderedCard_AttachedAsAdaptiveCardObject()
    {
        var activity = TeamsActivities.Activity(new TeamsCardRenderer().Render(Card), Card.FallbackText, "act-1");

        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("act-1", (string?)activity["id"]);
        Assert.Equal("Review: refund", (string?)activity["summary"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.IsType<JsonObject>(attachment["content"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
    }

    [Fact]
    public void Activity_NewPost_HasNoId()
    {
        var activity = TeamsActivities.Activity(new TeamsCardRenderer().Render(Card), Card.FallbackText);

        Assert.Null(activity["id"]);
    }

    [Theory]
    [InlineData(true, "Done", "Good")]
    [InlineData(false, "Not done", "Attention")]
    public void OutcomeCard_Result_SaysWhatHappened(bool accepted, string title, string color)
    {
        var card = TeamsActivities.OutcomeCard(new CardActionResult(accepted, "Approved by @dana"));

        Assert.Equal(title, (string?)card["body"]![0]!["text"]);
        Assert.Equal(color, (string?)card["body"]![0]!["color"]);
        Assert.Equal("Approved by @dana", (string?)card["body"]![1]!["text"]);
    }
}
