using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Teams shows the expanded Adaptive Card as is (version 1.5, what Teams supports for Action.Execute). Each
/// Action.Execute gets an Action.Submit fallback carrying the verb and token in its data, so older clients
/// that cannot Execute send a message activity the connector also understands.
/// </summary>
internal sealed class TeamsCardRenderer : ICardSurfaceRenderer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string Surface => TeamsConnector.ConnectorName;

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var content = card.Card.DeepClone().AsObject();
        content["type"] = "AdaptiveCard";
        content["version"] = "1.5";
        content["$schema"] ??= "http://adaptivecards.io/schemas/adaptive-card.json";
        AddSubmitFallbacks(content);
        return content;
    }

    /// <summary>A message activity carrying <paramref name="content"/> as its only attachment (content is an object, not a string).</summary>
    public static JsonObject Activity(JsonObject content, string summary, string? activityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["summary"] = summary,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["content"] = content,
            }),
        };
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        return activity;
    }

    /// <summary>A small card that says what happened to the action; Teams shows it to the person who clicked.</summary>
    public static JsonObject OutcomeCard(CardActionResult result) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = result.Accepted ? "Done" : "Not done",
                ["weight"] = "Bolder",
                ["color"] = result.Accepted ? "Good" : "Attention",
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = result.Message,
                ["wrap"] = true,
            }),
    };

    private static void AddSubmitFallbacks(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "Action.Execute" && o["fallback"] is null)
                {
                    var data = o["data"] as JsonObject is { } d ? d.DeepClone().AsObject() : [];
                    data["verb"] = (string?)o["verb"];
                    o["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = o["title"]?.DeepClone(), ["data"] = data };
                }

                foreach (var (_, child) in o.ToList())
                {
                    AddSubmitFallbacks(child);
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
