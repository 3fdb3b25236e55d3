using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Renders an expanded Adaptive Card to a Discord message body: one embed (title, description, fields) and
/// action rows of buttons. Each Action.Execute becomes a button whose custom_id is "sb:{verb}:{token}", so
/// the interaction carries the action token back unchanged. Kept small on purpose: the cards branch owns the
/// full DiscordCardRenderer (Core/Cards/Rendering/Discord), which should replace this at merge.
/// </summary>
internal static class DiscordCardPayloads
{
    public const string ButtonPrefix = "sb:";
    public const string ModalPrefix = "sbm:";
    public const string DraftFieldName = "Draft reply";
    private const string DraftPrefix = "Draft reply: ";
    private const int MaxEmbedTotal = 6000;

    public static JsonObject Render(CardPayload card)
    {
        var title = (string?)null;
        var description = new StringBuilder();
        var fields = new JsonArray();
        var color = 0x5865F2;
        Walk(card.Card["body"] as JsonArray, ref title, description, fields, ref color);

        var embed = new JsonObject();
        if (title is not null)
        {
            embed["title"] = Truncate(title, 256);
        }

        var budget = MaxEmbedTotal - (title?.Length ?? 0) - fields.Sum(f => ((string?)f!["name"])!.Length + ((string?)f!["value"])!.Length);
        if (description.Length > 0)
        {
            embed["description"] = Truncate(description.ToString().TrimEnd(), Math.Clamp(budget, 1, 4096));
        }

        if (fields.Count > 0)
        {
            embed["fields"] = fields;
        }

        embed["color"] = color;
        var payload = new JsonObject
        {
            ["content"] = embed.Count > 1 ? null : Truncate(card.FallbackText, DiscordMessageSplitter.MaxLength),
            ["embeds"] = embed.Count > 1 ? new JsonArray(embed) : new JsonArray(),
            ["components"] = Buttons(card.Card["actions"] as JsonArray),
            // Card text quotes customers: never let it ping @everyone or roles.
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (payload["content"] is null)
        {
            payload.Remove("content");
        }

        return payload;
    }

    /// <summary>The action a button or modal custom_id carries, or null when it is not Switchboard's.</summary>
    public static (string Verb, string Token)? ParseCustomId(string? customId)
    {
        foreach (var prefix in new[] { ButtonPrefix, ModalPrefix })
        {
            if (customId is not null && customId.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = customId[prefix.Length..];
                var colon = rest.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && colon < rest.Length - 1)
                {
                    return (rest[..colon], rest[(colon + 1)..]);
                }
            }
        }

        return null;
    }

    /// <summary>The draft shown on a posted card (the "Draft reply" field of its embed), to prefill the Edit modal.</summary>
    public static string? DraftOf(JsonNode? message) =>
        (message?["embeds"] as JsonArray)?
            .SelectMany(e => (e?["fields"] as JsonArray) ?? [])
            .Where(f => (string?)f?["name"] == DraftFieldName)
            .Select(f => (string?)f?["value"])
            .FirstOrDefault();

    private static void Walk(JsonArray? items, ref string? title, StringBuilder description, JsonArray fields, ref int color)
    {
        foreach (var item in items ?? [])
        {
            switch ((string?)item?["type"])
            {
                case "TextBlock":
                    var text = (string?)item["text"] ?? string.Empty;
                    if (title is null && (string?)item["weight"] == "Bolder" && (string?)item["size"] is "Medium" or "Large" or "ExtraLarge")
                    {
                        title = text;
                    }
                    else if (text.StartsWith(DraftPrefix, StringComparison.Ordinal) && fields.Count < 25)
                    {
                        fields.Add(Field(DraftFieldName, text[DraftPrefix.Length..], inline: false));
                    }
                    else
                    {
                        if ((string?)item["color"] is "Good")
                        {
                            color = 0x57F287;
                        }
                        else if ((string?)item["color"] is "Attention")
                        {
                            color = 0xED4245;
                        }

                        description.Append((string?)item["weight"] == "Bolder" ? $"**{text}**" : text).Append("\n\n");
                    }

                    break;
                case "FactSet":
                    foreach (var fact in (item["facts"] as JsonArray) ?? [])
                    {
                        if (fields.Count < 25)
                        {
                            fields.Add(Field((string?)fact?["title"] ?? "-", (string?)fact?["value"] ?? string.Empty, inline: true));
                        }
                    }

                    break;
                case "Container":
                case "Column":
                    Walk(item["items"] as JsonArray, ref title, description, fields, ref color);
                    break;
                case "ColumnSet":
                    Walk(item["columns"] as JsonArray, ref title, description, fields, ref color);
                    break;
                default:
                    break;
            }
        }
    }

    private static JsonArray Buttons(JsonArray? actions)
    {
        var rows = new JsonArray();
        JsonArray? row = null;
        foreach (var action in actions ?? [])
        {
            JsonObject button;
            var type = (string?)action?["type"];
            var token = action?["data"]?["token"]?.GetValue<string>();
            var url = action?["url"]?.GetValue<string>();
            switch (type)
            {
                case "Action.Execute" when token is { Length: > 0 }:
                    var verb = (string?)action!["verb"] ?? "act";
                    var customId = ButtonPrefix + verb + ":" + token;
                    if (customId.Length > 100)
                    {
                        continue;
                    }

                    button = new JsonObject { ["type"] = 2, ["style"] = Style(verb, (string?)action!["style"]), ["label"] = Truncate((string?)action["title"] ?? verb, 80), ["custom_id"] = customId };
                    break;
                case "Action.OpenUrl" when url is { Length: > 0 and <= 512 }:
                    button = new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = Truncate((string?)action!["title"] ?? "Open", 80), ["url"] = url };
                    break;
                default:
                    continue;
            }

            if (row is null || row.Count == 5)
            {
                if (rows.Count == 5)
                {
                    break;
                }

                row = [];
                rows.Add(new JsonObject { ["type"] = 1, ["components"] = row });
            }

            row.Add(button);
        }

        return rows;
    }

    private static int Style(string verb, string? style) => style switch
    {
        "positive" => 3,
        "destructive" => 4,
        _ => verb switch
        {
            "approve" => 3,
            "escalate" => 4,
            "edit" => 1,
            _ => 2,
        },
    };

    private static JsonObject Field(string name, string value, bool inline) => new()
    {
        ["name"] = Truncate(name.Length == 0 ? "-" : name, 256),
        ["value"] = Truncate(value.Length == 0 ? "-" : value, 1024),
        ["inline"] = inline,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
