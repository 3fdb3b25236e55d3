using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Teams;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

/// <summary>Bot Framework activities around cards: what is posted or put, and the outcome card an invoke answers with.</summary>
internal static class TeamsActivities
{
    /// <summary>A message activity whose only attachment is <paramref name="attachment"/> (from <see cref="TeamsCardRenderer"/>: content is an object, not a string).</summary>
    public static JsonObject Activity(JsonObject attachment, string summary, string? activityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["summary"] = summary,
            ["attachments"] = new JsonArray(attachment),
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
}
