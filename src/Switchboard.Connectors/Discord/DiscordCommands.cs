using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// The application (slash) commands <c>/campaign</c> and <c>/staffing</c>: their definitions for the bulk overwrite
/// (<c>PUT /applications/{application.id}[/guilds/{guild.id}]/commands</c>) and the conversion of an
/// APPLICATION_COMMAND interaction's options back to the text form every platform shares
/// (<c>/campaign start maya-launch20</c>, <c>/staffing --messages 2400 …</c>).
/// </summary>
internal static class DiscordCommands
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int String = 3;
    private const int Number = 10;

    /// <summary>
    /// The commands' definitions (chat input commands, type 1). Global ones are limited to guilds (contexts: [0], no DMs);
    /// guild commands take no contexts field.
    /// </summary>
    public static JsonArray Definitions(bool global)
    {
        static JsonObject NameOption() => new() { ["type"] = String, ["name"] = "name", ["description"] = "Campaign folder name, for example maya-launch20", ["required"] = true, ["max_length"] = 100 };
        static JsonObject Sub(string name, string description, bool named = true) => new()
        {
            ["type"] = SubCommand,
            ["name"] = name,
            ["description"] = description,
            ["options"] = named ? new JsonArray(NameOption()) : new JsonArray(),
        };
        static JsonObject NumberOption(string name, string description, bool required) =>
            new() { ["type"] = Number, ["name"] = name, ["description"] = description, ["required"] = required, ["min_value"] = 0 };

        JsonArray commands =
        [
            new JsonObject
            {
                ["type"] = 1,
                ["name"] = "campaign",
                ["description"] = "Launch-day campaign: factsheet, launch run, status, report",
                ["options"] = new JsonArray(
                    Sub("factsheet", "Show the campaign's factsheet card"),
                    Sub("start", "Start a launch run: posts the checklist card"),
                    Sub("status", "Show the latest launch run's checklist"),
                    Sub("report", "Show the KPI snapshot"),
                    Sub("list", "List the campaigns", named: false)),
            },
            new JsonObject
            {
                ["type"] = 1,
                ["name"] = "staffing",
                ["description"] = "Staffing math for a launch window",
                ["options"] = new JsonArray(
                    NumberOption("messages", "Messages per week", true),
                    NumberOption("handle_minutes", "Handle time per message, minutes", true),
                    NumberOption("buffer", "Buffer, for example 0.25", true),
                    NumberOption("productive_hours", "Productive hours per agent per week", true),
                    NumberOption("reach", "Expected reach of a post", false),
                    NumberOption("question_rate", "Questions per reached person, for example 0.002", false),
                    new JsonObject { ["type"] = String, ["name"] = "campaign", ["description"] = "Campaign folder name", ["required"] = false, ["max_length"] = 100 }),
            },
        ];
        if (global)
        {
            foreach (var command in commands)
            {
                command!["contexts"] = new JsonArray(0);
            }
        }

        return commands;
    }

    /// <summary>The shared text form of an APPLICATION_COMMAND's <c>data</c>, or null when it is not one of these commands.</summary>
    public static string? ToText(JsonNode? data)
    {
        var name = (string?)data?["name"];
        if (name is not ("campaign" or "staffing"))
        {
            return null;
        }

        var words = new List<string> { "/" + name };
        Append(words, data?["options"] as JsonArray, name == "staffing");
        return string.Join(' ', words);
    }

    private static void Append(List<string> words, JsonArray? options, bool flags)
    {
        foreach (var option in options ?? [])
        {
            var optionName = (string?)option?["name"] ?? string.Empty;
            if ((int?)option?["type"] is SubCommand or SubCommandGroup)
            {
                words.Add(optionName);
                Append(words, option?["options"] as JsonArray, flags);
                continue;
            }

            var value = option?["value"] is JsonValue v ? Format(v) : string.Empty;
            if (flags)
            {
                words.Add("--" + optionName.Replace('_', '-'));
            }

            words.Add(value);
        }
    }

    private static string Format(JsonValue value) =>
        value.TryGetValue<double>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToString();
}
