using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// The data documents given to <c>ICardComposer.Compose</c> for the factsheet, checklist and kpi cards
/// (documented in docs/campaigns.md; the cards/ templates bind the same fields).
/// </summary>
public static class CampaignCardData
{
    public static JsonObject Factsheet(Campaign c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new JsonObject
        {
            ["campaign"] = Header(c),
            ["offer"] = new JsonObject { ["summary"] = c.OfferSummary, ["terms"] = Array(c.OfferTerms) },
            ["landingPage"] = c.LandingPage,
            ["inventoryNotes"] = c.InventoryNotes,
            ["usageRights"] = c.UsageRights,
            ["whitelisting"] = c.Whitelisting,
            ["exclusivity"] = c.Exclusivity,
            ["disclosure"] = Array(c.DisclosureWording),
            ["escalationContact"] = c.EscalationContact,
            ["promoCodes"] = new JsonArray(c.PromoCodes.Select(p =>
            {
                var facts = PromoCodeFacts.For(c, p.Code, now);
                return (JsonNode)new JsonObject { ["code"] = p.Code, ["status"] = facts.Status.ToString(), ["summary"] = facts.Summary };
            }).ToArray()),
            ["creators"] = new JsonArray(c.Creators.Select(x => (JsonNode)new JsonObject { ["name"] = x.Name, ["handle"] = x.Handle, ["platforms"] = Array(x.Platforms) }).ToArray()),
            ["schedule"] = new JsonArray(c.Schedule.Select(p => (JsonNode)new JsonObject
            {
                ["at"] = Time(p.At),
                ["creator"] = p.Creator,
                ["platform"] = p.Platform,
                ["expectedReach"] = p.ExpectedReach,
                ["paidBoost"] = p.PaidBoost,
                ["whitelisted"] = p.Whitelisted,
            }).ToArray()),
            ["topQuestions"] = new JsonArray(c.TopQuestions.Select(q => (JsonNode)new JsonObject { ["question"] = q.Question, ["answer"] = q.Answer }).ToArray()),
        };
    }

    public static JsonObject Checklist(Campaign c, LaunchRun run, DateTimeOffset now, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(run);
        var tasks = new JsonArray();
        foreach (var item in c.Checklist)
        {
            var state = run.Task(item.Id);
            var dueAt = item.DueAt(run.GoLive);
            var open = state is null || state.State != LaunchTaskStates.Done;
            var task = new JsonObject
            {
                ["id"] = item.Id,
                ["phase"] = item.Phase,
                ["task"] = item.Task,
                ["owner"] = item.Owner,
                ["deliverable"] = item.Deliverable,
                ["due"] = item.Due,
                ["dueAt"] = Time(dueAt),
                ["state"] = state?.State ?? LaunchTaskStates.Open,
                ["by"] = state?.By,
                ["at"] = state?.At is { } at ? Time(at) : null,
                ["overdue"] = open && dueAt < now,
            };
            if (state is not null && state.State != LaunchTaskStates.Done)
            {
                task["actions"] = new JsonObject { ["task_done"] = state.DoneToken, ["task_blocked"] = state.BlockedToken };
            }

            tasks.Add(task);
        }

        return new JsonObject
        {
            ["campaign"] = Header(c),
            ["run"] = new JsonObject { ["id"] = run.Id, ["startedBy"] = run.StartedBy, ["startedAt"] = Time(run.StartedAt) },
            ["headline"] = headline,
            ["tasks"] = tasks,
        };
    }

    /// <summary>A kpi card: a title and ordered facts (staffing math, report snapshot).</summary>
    public static JsonObject Kpi(string title, IEnumerable<(string Title, string Value)> facts, string? campaign = null) => new()
    {
        ["title"] = title,
        ["campaign"] = campaign,
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    private static JsonObject Header(Campaign c) => new() { ["name"] = c.Name, ["title"] = c.Title, ["goLive"] = Time(c.GoLive) };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
