using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Playground;

namespace Switchboard.UnitTests.Cards.Rendering.Playground;

public sealed class PlaygroundCardRendererTests
{
    [Fact]
    public void Render_ReviewCard_CarriesKindFallbackAndTheCard()
    {
        var payload = CardTestData.Review();

        var rendered = new PlaygroundCardRenderer().Render(payload);

        Assert.Equal(
            """
            {
              "kind": "review",
              "fallbackText": "Case #42: billing (high) from @ana on telegram"
            }
            """,
            CardTestData.ToPrettyJson(new JsonObject { ["kind"] = rendered["kind"]!.DeepClone(), ["fallbackText"] = rendered["fallbackText"]!.DeepClone() }));
        Assert.True(JsonNode.DeepEquals(payload.Card, rendered["card"]));
        Assert.Equal(["kind", "fallbackText", "card"], rendered.Select(p => p.Key));
    }
}
