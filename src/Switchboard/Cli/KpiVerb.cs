using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Analytics;
using Switchboard.Core.Analytics;
using Switchboard.Hosting;

namespace Switchboard.Cli;

/// <summary>`switchboard kpi`: the KPI report for a time range, as a table, JSON (camelCase) or CSV.</summary>
internal static class KpiVerb
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "Start of the range, ISO 8601 time or date (UTC unless an offset is given). Default: 7 days before --to." };
        var to = new Option<string?>("--to") { Description = "End of the range (exclusive). Default: now." };
        var json = new Option<bool>("--json") { Description = "Print JSON (camelCase keys)." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV rows: metric,value." };
        var platform = new Option<string?>("--platform") { Description = "Only cases on this platform." };
        var team = new Option<string?>("--team") { Description = "Only cases owned by this team." };
        var intent = new Option<string?>("--intent") { Description = "Only cases with this intent." };
        var campaign = new Option<string?>("--campaign") { Description = "Only cases of this campaign (triage tag, else Switchboard:Analytics:Campaigns keywords)." };
        var database = new Option<string?>("--db") { Description = "SQLite file to read (default: Switchboard:Storage:SqlitePath)." };
        var command = new Command("kpi", "Print operations KPIs computed from the case event log: first response, handling, resolution, SLA adherence, backlog, quality and load.")
        {
            from, to, json, csv, platform, team, intent, campaign, database,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(database) is { } db)
            {
                if (!File.Exists(db))
                {
                    await error.WriteLineAsync($"kpi: {db} does not exist.");
                    return 2;
                }

                overrides["Switchboard:Storage:SqlitePath"] = db;
            }

            try
            {
                await using var services = CommandLineServices.Build(overrides);
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var end = parseResult.GetValue(to) is { } t ? AnalyticsEndpoints.ParseTime(t) : now;
                var start = parseResult.GetValue(from) is { } f ? AnalyticsEndpoints.ParseTime(f) : end?.AddDays(-7);
                if (start is not { } s || end is not { } e || s >= e)
                {
                    await error.WriteLineAsync("kpi: --from and --to must be ISO 8601 times or dates, with --from before --to.");
                    return 2;
                }

                var filter = new KpiFilter(s, e, parseResult.GetValue(platform), parseResult.GetValue(team), parseResult.GetValue(intent), parseResult.GetValue(campaign));
                var report = await services.GetRequiredService<KpiService>().ComputeAsync(filter, cancellationToken);
                var node = JsonSerializer.SerializeToNode(report, Json)!;
                await output.WriteAsync(
                    parseResult.GetValue(json) ? node.ToJsonString(Json) + Environment.NewLine
                    : parseResult.GetValue(csv) ? Csv(node)
                    : Table(report));
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                await error.WriteLineAsync("kpi: the configuration is invalid: " + string.Join("; ", ex.Failures));
                return 2;
            }
        });
        return command;
    }

    /// <summary>One row per leaf value, named by its JSON path (firstResponseTime.medianSeconds, volumeByHour.9, …).</summary>
    internal static string Csv(JsonNode node)
    {
        var text = new StringBuilder("metric,value\n");
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        Walk(child, path.Length == 0 ? key : path + "." + key);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], path + "." + i.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    var value = n is JsonValue v && v.TryGetValue<string>(out var str) ? str : n?.ToJsonString() ?? string.Empty;
                    text.Append(Quote(path)).Append(',').Append(Quote(value)).Append('\n');
                    break;
            }
        }

        Walk(node, string.Empty);
        return text.ToString();
    }

    internal static string Table(KpiReport r)
    {
        static string Pct(KpiReport.Rate rate) => rate.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}% ({rate.Numerator}/{rate.Denominator})") : "n/a (0 cases)";
        static string Dur(KpiReport.Duration d) => d.MedianSeconds is { } m ? $"median {AnalyticsCards.FormatDuration(m)}, p90 {AnalyticsCards.FormatDuration(d.P90Seconds!.Value)} ({d.Count} cases)" : "n/a (0 cases)";
        var text = new StringBuilder();
        void Row(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"  {name,-28} {value}\n");
        text.Append(CultureInfo.InvariantCulture, $"KPIs {r.Range.From:yyyy-MM-dd HH:mm} → {r.Range.To:yyyy-MM-dd HH:mm} UTC (backlog as of {r.Range.AsOf:yyyy-MM-dd HH:mm}; {r.Range.CasesOpened} cases opened)\n");
        Row("first response time", Dur(r.FirstResponseTime));
        Row("handling time", Dur(r.HandlingTime));
        Row("time to resolution", Dur(r.TimeToResolution));
        Row("backlog", r.Backlog.Open == 0 ? "0 open" : $"{r.Backlog.Open} open, median age {AnalyticsCards.FormatDuration(r.Backlog.AgeMedianSeconds!.Value)}, oldest {AnalyticsCards.FormatDuration(r.Backlog.OldestSeconds!.Value)}");
        Row("reopen rate", Pct(r.ReopenRate));
        Row("noise filtered", Pct(r.NoiseFilteredRate));
        Row("auto-tag agreement", Pct(r.AutoTagAgreement));
        Row("routing accuracy", Pct(r.RoutingAccuracy));
        Row("auto-resolution rate", Pct(r.AutoResolutionRate));
        Row("draft edit rate", Pct(r.DraftEditRate));
        Row("CSAT", r.Csat.Average is { } avg ? string.Create(CultureInfo.InvariantCulture, $"{avg:0.00}/5, satisfied {Pct(r.Csat.Satisfied)}") : "n/a (0 ratings)");
        Row("peak hour", r.PeakHour is { } h ? $"{h:00}:00 {r.Range.TimeZone} ({r.VolumeByHour[h]} messages)" : "n/a");
        if (r.Cost.CostPerResolvedCase is { } cost)
        {
            Row("cost per resolved case", string.Create(CultureInfo.InvariantCulture, $"{cost:0.00} {r.Cost.Currency}"));
        }

        text.Append("SLA adherence by intent (first response | resolution; met/breached/pending)\n");
        foreach (var (intent, sla) in r.SlaAdherenceByIntent)
        {
            Row(intent, $"{Sla(sla.FirstResponse)} | {Sla(sla.Resolution)}");
        }

        text.Append("Reviewer load by queue (cards, routine, exceptions)\n");
        foreach (var q in r.ReviewerLoad.ByQueue)
        {
            Row(q.Team, $"{q.CardsRequested} cards, {q.Routine} routine, {q.Exceptions} exceptions");
        }

        text.Append("Reviewer load by person (routine, exceptions)\n");
        foreach (var p in r.ReviewerLoad.ByPerson)
        {
            Row(p.Actor, $"{p.Routine} routine, {p.Exceptions} exceptions");
        }

        text.Append("Volume by platform\n");
        foreach (var (platform, count) in r.VolumeByPlatform)
        {
            Row(platform, count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Sla(KpiReport.SlaOutcome o) =>
        string.Create(CultureInfo.InvariantCulture, $"{(o.Rate is { } v ? (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a"),4} {o.Met}/{o.Breached}/{o.Pending}");

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
