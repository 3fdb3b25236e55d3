using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards;

/// <summary>Minimal factsheet, checklist and kpi cards (data documents: Campaigns/CampaignCardData), for when no templates are configured.</summary>
public sealed partial class BuiltInCardComposer
{
    private static CardPayload ComposeCampaign(string kind, JsonObject data)
    {
        var body = new JsonArray();
        var actions = new JsonArray();
        var fallback = new StringBuilder();
        var campaign = data["campaign"] as JsonObject;
        var title = kind switch
        {
            CardKinds.Factsheet => $"Factsheet: {campaign?["title"]}",
            CardKinds.Checklist => $"Launch checklist: {campaign?["title"]}",
            _ => data["title"]?.ToString() ?? "KPI",
        };
        body.Add(Text(title, bold: true, size: "Medium"));
        fallback.Append(title);
        if (data["headline"]?.ToString() is { Length: > 0 } headline)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = headline, ["wrap"] = true, ["color"] = "Attention", ["weight"] = "Bolder" });
            fallback.Append(": ").Append(headline);
        }

        switch (kind)
        {
            case CardKinds.Factsheet:
                body.Add(FactSet(
                    ("Go-live", campaign?["goLive"]?.ToString()),
                    ("Offer", data["offer"]?["summary"]?.ToString()),
                    ("Landing page", data["landingPage"]?.ToString()),
                    ("Inventory", data["inventoryNotes"]?.ToString()),
                    ("Usage rights", data["usageRights"]?.ToString()),
                    ("Whitelisting", data["whitelisting"]?.ToString()),
                    ("Exclusivity", data["exclusivity"]?.ToString()),
                    ("Disclosure", Join(data["disclosure"])),
                    ("Creator escalation", data["escalationContact"]?.ToString())));
                foreach (var code in data["promoCodes"]?.AsArray() ?? [])
                {
                    body.Add(Text($"🏷 {code?["summary"]}"));
                }

                foreach (var post in data["schedule"]?.AsArray() ?? [])
                {
                    body.Add(Text($"📅 {post?["at"]} {post?["creator"]} on {post?["platform"]}, reach {post?["expectedReach"]}"
                        + ((bool?)post?["paidBoost"] == true ? ", paid boost" : string.Empty) + ((bool?)post?["whitelisted"] == true ? ", whitelisted" : string.Empty)));
                }

                foreach (var q in data["topQuestions"]?.AsArray() ?? [])
                {
                    body.Add(Text($"❓ {q?["question"]}", bold: true));
                    body.Add(Text(q?["answer"]?.ToString() ?? string.Empty));
                }

                break;
            case CardKinds.Checklist:
                foreach (var task in data["tasks"]?.AsArray() ?? [])
                {
                    var state = task?["state"]?.ToString();
                    var mark = state switch { "done" => "✅", "blocked" => "⛔", _ => (bool?)task?["overdue"] == true ? "⏰" : "⬜" };
                    var by = task?["by"] is { } who ? $" ({state} by {who} at {task?["at"]})" : string.Empty;
                    body.Add(Text($"{mark} [{task?["phase"]}] {task?["due"]} · {task?["task"]} · owner {task?["owner"]} · {task?["deliverable"]}{by}"));
                    if (task?["actions"] is JsonObject tokens)
                    {
                        actions.Add(Button($"Done: {task?["id"]}", "task_done", tokens["task_done"]?.ToString()));
                        actions.Add(Button($"Blocked: {task?["id"]}", "task_blocked", tokens["task_blocked"]?.ToString()));
                    }
                }

                break;
            default:
                body.Add(FactSet((data["facts"]?.AsArray() ?? []).Select(f => (f?["title"]?.ToString() ?? string.Empty, f?["value"]?.ToString())).ToArray()));
                foreach (var f in data["facts"]?.AsArray() ?? [])
                {
                    fallback.Append("; ").Append(f?["title"]).Append(": ").Append(f?["value"]);
                }

                break;
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new CardPayload(kind, card, fallback.ToString());
    }

    private static JsonObject Text(string text, bool bold = false, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    private static JsonObject FactSet(params (string Title, string? Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => (JsonNode)Fact(f.Title, f.Value!)).ToArray()),
    };

    private static JsonObject Button(string title, string verb, string? token) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = new JsonObject { ["token"] = token },
    };

    private static string? Join(JsonNode? array) => array is JsonArray a ? string.Join(" / ", a.Select(x => x?.ToString())) : null;
}
