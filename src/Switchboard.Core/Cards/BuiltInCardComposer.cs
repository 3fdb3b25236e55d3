using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards;

/// <summary>
/// A code-built Adaptive Card (1.5) for review and incident cards, used when no template folder is
/// configured. The templates in cards/ are the primary source; this keeps the bot working without them.
/// </summary>
public sealed partial class BuiltInCardComposer : ICardComposer
{
    private static readonly (string Verb, string Title)[] Actions =
    [
        ("approve", "Approve"), ("edit", "Edit"), ("escalate", "Escalate"), ("retag", "Retag"),

        // Moderation: tokens exist only on trust & safety cases whose connector can moderate.
        ("delete_message", "Delete message"), ("restrict_author", "Restrict author"), ("ban_author", "Ban author"), ("pin_warning", "Pin warning"),
    ];

    public CardPayload Compose(string kind, JsonObject data)
    {
        if (kind is CardKinds.Factsheet or CardKinds.Checklist)
        {
            return ComposeCampaign(kind, data);
        }

        if (kind == CardKinds.Sla)
        {
            return ComposeSla(data);
        }

        if (kind is CardKinds.Kpi or Analytics.AnalyticsCards.RetroKind)
        {
            return Analytics.AnalyticsCards.Render(kind, data);
        }

        var c = data["case"]!.AsObject();
        var message = data["message"]?.AsObject();
        var draft = data["draft"]?["text"]?.GetValue<string>() ?? string.Empty;
        var outcome = data["outcome"]?["text"]?.GetValue<string>();
        var title = kind == CardKinds.Incident
            ? $"Incident: {c["clusterSize"]} similar reports ({c["intent"]})"
            : $"Case #{c["id"]} · {c["intent"]} · {c["severity"]}";
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Customer", $"{c["customerHandle"]} on {c["platform"]} ({((bool?)c["isPublic"] == true ? "public" : "private")})"),
                    Fact("Intent", $"{c["intent"]} ({c["confidence"]})"),
                    Fact("Owner", c["owner"]?.ToString() ?? string.Empty),
                    Fact("SLA", c["slaText"]?.ToString() ?? string.Empty),
                },
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = ((bool?)message?["isTranscript"] == true ? "🎙 Transcript: " : string.Empty) + (message?["text"]?.ToString() ?? string.Empty),
                ["wrap"] = true,
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Draft reply: " + draft, ["wrap"] = true, ["isSubtle"] = true },
        };
        if (outcome is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = outcome, ["weight"] = "Bolder", ["color"] = "Good", ["wrap"] = true });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        var tokens = data["actions"]?.AsObject();
        if (outcome is null && tokens is { Count: > 0 })
        {
            var actions = new JsonArray();
            foreach (var (verb, label) in Actions)
            {
                if (tokens[verb]?.GetValue<string>() is { } token)
                {
                    actions.Add(new JsonObject
                    {
                        ["type"] = "Action.Execute",
                        ["title"] = label,
                        ["verb"] = verb,
                        ["data"] = new JsonObject { ["token"] = token },
                    });
                }
            }

            card["actions"] = actions;
        }

        return new CardPayload(kind, card, $"{title}: {draft}");
    }

    private static CardPayload ComposeSla(JsonObject data)
    {
        var c = data["case"]!.AsObject();
        var sla = data["sla"]!.AsObject();
        var breached = (string?)sla["state"] == "breach";
        var title = $"{(breached ? "SLA breached" : "SLA at risk")}: case #{c["id"]}";
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["color"] = breached ? "Attention" : "Warning", ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        Fact("Customer", $"{c["customerHandle"]} on {c["platform"]}"),
                        Fact("Intent", $"{c["intent"]} · {c["severity"]}"),
                        Fact("Owner", c["owner"]?.ToString() ?? string.Empty),
                        Fact(sla["target"]?.ToString() ?? "SLA", sla["text"]?.ToString() ?? string.Empty),
                    },
                },
            },
        };
        return new CardPayload(CardKinds.Sla, card, $"{title}: {sla["target"]} {sla["text"]}");
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
