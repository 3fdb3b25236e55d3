using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

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
        var status = now < c.GoLive ? "scheduled" : c.Schedule.Select(p => p.At).Append(c.GoLive).Max().AddDays(1) < now ? "ended" : "live";
        var header = Header(c);
        header["status"] = status;
        header["owner"] = "campaign_ops";
        header["launchAt"] = Time(c.GoLive);
        header["summary"] = c.OfferSummary;
        header["facts"] = new JsonArray(c.PromoCodes.Select(p => (JsonNode)Fact("Code " + p.Code, PromoCodeFacts.For(c, p.Code, now).Summary))
            .Append(Fact("Landing page", c.LandingPage))
            .Append(Fact("Inventory", c.InventoryNotes ?? "n/a"))
            .Append(Fact("Creators", string.Join(", ", c.Creators.Select(x => x.Handle))))
            .Append(Fact("Schedule", string.Join("; ", c.Schedule.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.At:MM-dd HH:mm} {p.Creator} {p.Platform} reach {p.ExpectedReach:#,0}{(p.PaidBoost ? " boosted" : string.Empty)}{(p.Whitelisted ? " whitelisted" : string.Empty)}")))))
            .Append(Fact("Usage rights", c.UsageRights))
            .Append(Fact("Whitelisting", c.Whitelisting))
            .Append(Fact("Exclusivity", c.Exclusivity))
            .Append(Fact("Disclosure", string.Join(" / ", c.DisclosureWording)))
            .Append(Fact("Creator escalation", c.EscalationContact))
            .ToArray());
        header["answers"] = new JsonArray(c.TopQuestions.Select(q => (JsonNode)new JsonObject { ["question"] = q.Question, ["answer"] = q.Answer }).ToArray());
        header["links"] = new JsonArray(new JsonObject { ["title"] = "Landing page", ["url"] = c.LandingPage });
        return new JsonObject
        {
            ["campaign"] = header,
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

        // The cards/checklist.json template binds "checklist"; the built-in card and the buttons use "tasks".
        var items = new JsonArray(c.Checklist.Select(t => (JsonNode)new JsonObject
        {
            ["text"] = $"{t.Due} {t.Task}" + (run.Task(t.Id)?.State == LaunchTaskStates.Blocked ? " (blocked)" : string.Empty),
            ["done"] = run.Task(t.Id)?.State == LaunchTaskStates.Done,
            ["owner"] = t.Owner,
        }).ToArray());
        return new JsonObject
        {
            ["checklist"] = new JsonObject
            {
                ["title"] = headline is null ? c.Title : $"{c.Title}: {headline}",
                ["dueAt"] = Time(run.GoLive),
                ["doneCount"] = run.Tasks.Count(t => t.State == LaunchTaskStates.Done),
                ["items"] = items,
            },
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

    /// <summary>
    /// Adds the Done / Blocked buttons of every open task when the composed card has no actions (the cards/
    /// checklist.json template shows the list only), so a checklist card always carries its buttons.
    /// </summary>
    public static CardPayload WithTaskButtons(CardPayload card, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(data);
        if (card.Card["actions"] is JsonArray { Count: > 0 })
        {
            return card;
        }

        var actions = new JsonArray();
        foreach (var task in data["tasks"]?.AsArray() ?? [])
        {
            if (task?["actions"] is JsonObject tokens)
            {
                actions.Add(Button($"Done: {task["id"]}", "task_done", tokens["task_done"]?.ToString()));
                actions.Add(Button($"Blocked: {task["id"]}", "task_blocked", tokens["task_blocked"]?.ToString()));
            }
        }

        if (actions.Count > 0)
        {
            card.Card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Button(string title, string verb, string? token) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = new JsonObject { ["token"] = token },
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Header(Campaign c) => new() { ["name"] = c.Name, ["title"] = c.Title, ["goLive"] = Time(c.GoLive) };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
