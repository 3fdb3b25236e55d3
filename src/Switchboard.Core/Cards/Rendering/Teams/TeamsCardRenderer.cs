using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Teams;

/// <summary>
/// Teams shows Adaptive Cards natively: the payload is the Bot Framework attachment around the expanded card,
/// at version 1.5 (what Teams supports for Action.Execute). The templates already carry a refresh action and an
/// Action.Submit fallback on every Action.Execute (Universal Actions: the card is updated in place); a card built
/// elsewhere gets the fallback here, carrying the verb and token, so older clients that cannot Execute send a
/// message activity the connector also understands. The one Teams renderer: the connector posts what this returns.
/// </summary>
public sealed class TeamsCardRenderer : ICardSurfaceRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public string Surface => "teams";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var content = card.Card.DeepClone().AsObject();
        content["type"] = "AdaptiveCard";
        content["version"] = "1.5";
        AddSubmitFallbacks(content);
        return new JsonObject
        {
            ["contentType"] = ContentType,
            ["content"] = content,
        };
    }

    private static void AddSubmitFallbacks(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "Action.Execute" && o["fallback"] is null)
                {
                    var data = o["data"] is JsonObject d ? d.DeepClone().AsObject() : [];
                    data["verb"] = (string?)o["verb"];
                    o["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = o["title"]?.DeepClone(), ["data"] = data };
                }

                // The refresh action is run by the client itself, never clicked: nothing to fall back to.
                foreach (var (name, child) in o.ToList())
                {
                    if (name != "refresh")
                    {
                        AddSubmitFallbacks(child);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    AddSubmitFallbacks(child);
                }

                break;
        }
    }
}
