using System.Text.Json.Nodes;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsCardRendererTests
{
    private static readonly CardPayload Card = new("review", JsonNode.Parse("""
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Refund?"}],
         "actions":[{"type":"Action.Execute","title":"Approve","verb":"approve","data":{"token":"t1"}}]}
        """)!.AsObject(), "Review: refund");

    [Fact]
    public void Render_ExecuteAction_GetsSubmitFallbackWithVerbAndToken()
    {
        var rendered = new TeamsCardRenderer().Render(Card);

        var fallback = rendered["actions"]![0]!["fallback"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"Action.Submit","title":"Approve","data":{"token":"t1","verb":"approve"}}"""), fallback), fallback.ToJsonString());
        Assert.Null(Card.Card["actions"]![0]!["fallback"]);
    }

    [Fact]
    public void Activity_Card_AttachedAsAdaptiveCardObject()
    {
        var activity = TeamsCardRenderer.Activity(new TeamsCardRenderer().Render(Card), Card.FallbackText, "act-1");

        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("act-1", (string?)activity["id"]);
        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.IsType<JsonObject>(attachment["content"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
    }
}
