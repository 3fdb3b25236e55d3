using System.Text.Json.Nodes;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>Builds the JSON Slack sends: event_callback bodies and interactivity payloads, shaped as documented.</summary>
internal static class FakeSlackPayloads
{
    public static JsonObject MessageEvent(string eventId, string channel, string user, string text, string ts, string channelType = "channel", JsonArray? files = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = channelType,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        if (files is not null)
        {
            ev["subtype"] = "file_share";
            ev["files"] = files;
        }

        return new JsonObject
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = "TFAKE",
            ["api_app_id"] = "AFAKE",
            ["event"] = ev,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1763800000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "TFAKE", ["user_id"] = "UBOT", ["is_bot"] = true }),
        };
    }

    /// <summary>A click on <paramref name="element"/> (a button or select from the card) as block_actions.</summary>
    public static JsonObject BlockActions(FakeSlackCall card, string cardTs, JsonObject element, string user, string triggerId, string? selectedValue = null)
    {
        var action = new JsonObject
        {
            ["action_id"] = (string?)element["action_id"],
            ["block_id"] = "blk",
            ["type"] = (string?)element["type"],
            ["action_ts"] = "1763800100.000001",
        };
        if (element["value"] is not null)
        {
            action["value"] = (string?)element["value"];
            action["text"] = element["text"]!.DeepClone();
        }

        if (selectedValue is not null)
        {
            action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = selectedValue }, ["value"] = selectedValue };
        }

        var channel = (string)card.Body["channel"]!;
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user == LoopbackReviewSink.InternUser ? "intern" : "dana", ["name"] = "dana", ["team_id"] = "TFAKE" },
            ["api_app_id"] = "AFAKE",
            ["token"] = "legacy-verification-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = cardTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = triggerId,
            ["team"] = new JsonObject { ["id"] = "TFAKE", ["domain"] = "acme" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "care-review" },
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["user"] = "UBOT",
                ["ts"] = cardTs,
                ["text"] = (string?)card.Body["text"],
                ["blocks"] = card.Body["blocks"]!.DeepClone(),
            },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = "https://hooks.slack.invalid/actions/TFAKE/1/x",
            ["actions"] = new JsonArray(action),
        };
    }

    /// <summary>The view_submission Slack sends when the modal opened by views.open is submitted with <paramref name="text"/>.</summary>
    public static JsonObject ViewSubmission(FakeSlackCall viewsOpen, string user, string text)
    {
        var view = viewsOpen.Body["view"]!.AsObject();
        var input = view["blocks"]![0]!;
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "TFAKE", ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "dana", ["name"] = "dana", ["team_id"] = "TFAKE" },
            ["api_app_id"] = "AFAKE",
            ["trigger_id"] = "9.1234.fake-trigger",
            ["view"] = new JsonObject
            {
                ["id"] = "V1",
                ["team_id"] = "TFAKE",
                ["type"] = "modal",
                ["callback_id"] = (string?)view["callback_id"],
                ["private_metadata"] = (string?)view["private_metadata"],
                ["hash"] = "h1",
                ["blocks"] = view["blocks"]!.DeepClone(),
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [(string)input["block_id"]!] = new JsonObject
                        {
                            [(string)input["element"]!["action_id"]!] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text },
                        },
                    },
                },
            },
            ["response_urls"] = new JsonArray(),
        };
    }

    /// <summary>The actions-block element of a posted card whose action_id starts with sb.{verb}.</summary>
    public static JsonObject Element(FakeSlackCall card, string verb) =>
        card.Body["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!.AsObject())
            .Single(e => ((string?)e["action_id"])?.StartsWith($"sb.{verb}.", StringComparison.Ordinal) == true);
}
