using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Playground;

/// <summary>
/// The playground page renders the Adaptive Card itself with the adaptivecards JS library
/// (wwwroot/playground/cards.js), so the payload is the card plus what the page shows around it.
/// </summary>
internal sealed class PlaygroundCardRenderer : ICardSurfaceRenderer
{
    public string Surface => "playground";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["kind"] = card.Kind,
            ["fallbackText"] = card.FallbackText,
            ["card"] = card.Card.DeepClone(),
        };
    }
}
