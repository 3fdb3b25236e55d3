using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Analytics;

/// <summary>
/// The data documents of the weekly KPI snapshot and retro cards, and a plain Adaptive Card rendering of
/// them for the built-in composer (the template composer renders cards/kpi.json from the same data).
/// </summary>
public static class AnalyticsCards
{
    public const string RetroKind = "retro";

    public static JsonObject KpiData(KpiReport report, string period, string? dashboardUrl)
    {
        static string Pct(double? v) => v is { } x ? (x * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";
        static string Dur(double? seconds) => seconds is { } s ? FormatDuration(s) : "n/a";
        var sla = report.SlaAdherenceByIntent.Values;
        var met = sla.Sum(s => s.FirstResponse.Met);
        var breached = sla.Sum(s => s.FirstResponse.Breached);
        var facts = new JsonArray
        {
            Fact("Cases opened", report.Range.CasesOpened.ToString(CultureInfo.InvariantCulture)),
            Fact("First response (median / p90)", $"{Dur(report.FirstResponseTime.MedianSeconds)} / {Dur(report.FirstResponseTime.P90Seconds)}"),
            Fact("Time to resolution (median / p90)", $"{Dur(report.TimeToResolution.MedianSeconds)} / {Dur(report.TimeToResolution.P90Seconds)}"),
            Fact("First-response SLA met", met + breached == 0 ? "n/a" : Pct((double)met / (met + breached))),
            Fact("Backlog (open / oldest)", $"{report.Backlog.Open} / {Dur(report.Backlog.OldestSeconds)}"),
            Fact("Noise filtered", Pct(report.NoiseFilteredRate.Value)),
            Fact("Auto-tag agreement", Pct(report.AutoTagAgreement.Value)),
            Fact("Routing accuracy", Pct(report.RoutingAccuracy.Value)),
            Fact("Auto-resolved", Pct(report.AutoResolutionRate.Value)),
            Fact("Draft edit rate", Pct(report.DraftEditRate.Value)),
            Fact("Reopen rate", Pct(report.ReopenRate.Value)),
            Fact("CSAT", report.Csat.Average is { } avg ? $"{avg.ToString("0.00", CultureInfo.InvariantCulture)} ({report.Csat.Responses} ratings)" : "n/a"),
        };
        if (report.Cost.CostPerResolvedCase is { } cost)
        {
            facts.Add(Fact("Cost per resolved case", $"{cost.ToString("0.00", CultureInfo.InvariantCulture)} {report.Cost.Currency}"));
        }

        return new JsonObject
        {
            ["title"] = $"Weekly KPI snapshot · {period}",
            ["period"] = period,
            ["from"] = report.Range.From.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = report.Range.To.ToString("O", CultureInfo.InvariantCulture),
            ["facts"] = facts,
            ["peakHour"] = report.PeakHour,
            ["link"] = dashboardUrl,
        };
    }

    public static JsonObject RetroData(string period, IReadOnlyList<RetroSampleItem> sample, string? dashboardUrl) => new()
    {
        ["title"] = $"Weekly inbox retro · {period}",
        ["period"] = period,
        ["text"] = "Score each case 1–5 for tone, accuracy and speed on the dashboard's retro page.",
        ["items"] = new JsonArray([.. sample.Select(s => (JsonNode)new JsonObject { ["caseId"] = s.CaseId, ["intent"] = s.Intent })]),
        ["link"] = dashboardUrl,
    };

    /// <summary>A plain Adaptive Card 1.5 of a KPI or retro data document.</summary>
    public static CardPayload Render(string kind, JsonObject data)
    {
        var title = data["title"]?.GetValue<string>() ?? kind;
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true } };
        if (data["text"]?.GetValue<string>() is { } text)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        if (data["facts"] is JsonArray facts)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts.DeepClone() });
        }

        if (data["items"] is JsonArray items)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. items.Select(i => (JsonNode)Fact($"Case #{i!["caseId"]}", i["intent"]?.GetValue<string>() ?? string.Empty))]),
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (data["link"]?.GetValue<string>() is { } link)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open dashboard", ["url"] = link } };
        }

        return new CardPayload(kind, card, title);
    }

    public static string FormatDuration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0}m"),
        < 86_400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:0.#}d"),
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
