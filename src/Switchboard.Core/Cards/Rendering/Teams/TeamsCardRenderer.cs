using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Teams;

/// <summary>
/// Teams shows Adaptive Cards natively: the payload is the Bot Framework attachment around the expanded card.
/// The templates already use version 1.5, Action.Execute with an Action.Submit fallback and a refresh action,
/// which is what Teams needs to update a card in place (Universal Actions).
/// </summary>
internal sealed class TeamsCardRenderer : ICardSurfaceRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public string Surface => "teams";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["contentType"] = ContentType,
            ["content"] = card.Card.DeepClone(),
        };
    }
}
