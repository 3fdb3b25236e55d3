using System.Globalization;
using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Analytics;

/// <summary>
/// Computes every KPI from case rows and their event logs; it never reads a counter. Two families,
/// so nothing is counted twice: case KPIs use the cohort of cases opened in [from, to), each case once;
/// event KPIs (volume, noise, reviewer load, edit rate, CSAT) count events that happened in [from, to).
/// The backlog is a snapshot at the end of the range (or now, if earlier). See docs/analytics.md.
/// </summary>
public static class KpiEngine
{
    private static readonly (string Label, double? UpTo)[] FrtBuckets =
        [("≤1m", 60), ("≤5m", 300), ("≤15m", 900), ("≤1h", 3600), ("≤4h", 14_400), ("≤24h", 86_400), (">24h", null)];

    public static KpiReport Compute(IEnumerable<AnalyticsCase> source, KpiFilter filter, AnalyticsOptions options, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var asOf = filter.To < now ? filter.To : now;
        var inScope = source.Where(c => Matches(c, filter, options)).Select(CaseTimeline.Read).ToList();
        var cohort = inScope.Where(t => t.OpenedAt >= filter.From && t.OpenedAt < filter.To).ToList();
        var actionable = cohort.Where(t => t.IsActionable).ToList();

        var frt = actionable.Where(t => t.FirstReplyAt is { } r && r <= asOf).Select(t => (t.FirstReplyAt!.Value - t.ActionableAt!.Value).TotalSeconds).ToList();
        var handling = actionable.Select(t => t.ReviewRounds.Where(r => r.To <= asOf).Sum(r => (r.To - r.From).TotalSeconds)).Where(s => s > 0).ToList();
        var resolved = actionable.Where(t => t.StandingResolutionAt(asOf) is not null).ToList();
        var ttr = resolved.Select(t => (t.StandingResolutionAt(asOf)!.Value - t.OpenedAt).TotalSeconds).ToList();
        var everResolved = actionable.Where(t => t.FirstResolutionAt(asOf) is not null).ToList();
        var reviewed = actionable.Where(t => t.ReviewedByPerson && t.FirstTriageIntent is not null && t.Case.Intent is not null).ToList();
        var routed = actionable.Where(t => t.Case.FirstOwnerTeam is not null && t.Case.OwnerTeam is not null).ToList();

        var events = inScope.SelectMany(t => t.Source.Events.Select(e => (Timeline: t, Event: e))).Where(x => x.Event.At >= filter.From && x.Event.At < filter.To).ToList();
        var received = events.Where(x => x.Event.Kind == CaseEventKinds.MessageReceived).ToList();
        var volumeByHour = new int[24];
        foreach (var (_, e) in received)
        {
            volumeByHour[TimeZoneInfo.ConvertTime(e.At, zone).Hour]++;
        }

        var approved = events.Count(x => x.Event.Kind == CaseEventKinds.Approved && CaseTimeline.IsPerson(x.Event.Actor));
        var edited = events.Count(x => x.Event.Kind == CaseEventKinds.Edited && CaseTimeline.IsPerson(x.Event.Actor));

        return new KpiReport(
            new KpiReport.Window(filter.From, filter.To, asOf, zone.Id, cohort.Count),
            Percentiles.Duration(frt),
            Percentiles.Duration(handling),
            Percentiles.Duration(ttr),
            SlaByIntent(actionable, asOf),
            Backlog(inScope, asOf),
            Rate(everResolved.Count(t => t.ReopenedAfterFirstResolution(asOf)), everResolved.Count),
            Rate(events.Count(x => x.Event.Kind == CaseEventKinds.ReviewFiltered), received.Count),
            Rate(reviewed.Count(t => t.FirstTriageIntent == t.Case.Intent), reviewed.Count),
            Rate(routed.Count(t => string.Equals(t.Case.FirstOwnerTeam, t.Case.OwnerTeam, StringComparison.OrdinalIgnoreCase)), routed.Count),
            Rate(actionable.Count(t => t.AutoApproved), actionable.Count),
            ReviewerLoad(inScope, filter),
            Rate(edited, approved + edited),
            Csat(events.Where(x => x.Event.Kind == CaseEventKinds.CsatRated).Select(x => x.Event)),
            volumeByHour,
            Tally(received.Select(x => PlatformOf(x.Timeline, x.Event))),
            Tally(received.Select(x => x.Timeline.Case.Intent ?? "untriaged")),
            received.Count == 0 ? null : Array.IndexOf(volumeByHour, volumeByHour.Max()),
            FrtBuckets.Select((b, i) => new KpiReport.Bucket(b.Label, b.UpTo, frt.Count(s => s <= (b.UpTo ?? double.MaxValue) && (i == 0 || s > FrtBuckets[i - 1].UpTo)))).ToList(),
            reviewed.GroupBy(t => (Predicted: t.FirstTriageIntent!, Reviewed: t.Case.Intent!)).OrderBy(g => g.Key.Predicted, StringComparer.Ordinal).ThenBy(g => g.Key.Reviewed, StringComparer.Ordinal).Select(g => new KpiReport.ConfusionCell(g.Key.Predicted, g.Key.Reviewed, g.Count())).ToList(),
            reviewed.GroupBy(t => TimeZoneInfo.ConvertTime(t.OpenedAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => { var agreed = g.Count(t => t.FirstTriageIntent == t.Case.Intent); return new KpiReport.DayRate(g.Key, agreed, g.Count(), Ratio(agreed, g.Count())); }).ToList(),
            Queue(inScope, asOf),
            Cost(filter, options, actionable, asOf));
    }

    /// <summary>Platform, team, intent and campaign filters; the time range is applied per KPI family.</summary>
    internal static bool Matches(AnalyticsCase c, KpiFilter filter, AnalyticsOptions options)
    {
        static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
        if (!Same(filter.Platform, c.Case.Platform) || !Same(filter.Team, c.Case.OwnerTeam) || !Same(filter.Intent, c.Case.Intent))
        {
            return false;
        }

        return filter.Campaign is not { } campaign || CampaignOf(c, options).Contains(campaign, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A case's campaigns: the triage's campaign tags if any; otherwise every configured campaign whose keyword its messages contain.</summary>
    internal static IReadOnlyList<string> CampaignOf(AnalyticsCase c, AnalyticsOptions options)
    {
        var tags = CaseTimeline.Read(c).CampaignTags;
        if (tags.Count > 0)
        {
            return [.. tags];
        }

        return options.Campaigns
            .Where(kv => kv.Value.Any(k => c.MessageTexts.Any(text => text.Contains(k, StringComparison.OrdinalIgnoreCase))))
            .Select(kv => kv.Key)
            .ToList();
    }

    private static IReadOnlyDictionary<string, KpiReport.SlaAdherence> SlaByIntent(List<CaseTimeline> cases, DateTimeOffset asOf)
    {
        var result = new SortedDictionary<string, KpiReport.SlaAdherence>(StringComparer.Ordinal);
        foreach (var group in cases.GroupBy(t => t.Case.Intent ?? "untriaged"))
        {
            var first = group.Select(t => Outcome(t, t.Case.FirstResponseDueAt, t.FirstReplyAt is { } r && r <= asOf ? r : null, asOf)).ToList();
            var resolution = group.Select(t => Outcome(t, t.Case.ResolutionDueAt, t.StandingResolutionAt(asOf), asOf)).ToList();
            result[group.Key] = new KpiReport.SlaAdherence(Summarise(first), Summarise(resolution));
        }

        return result;
    }

    /// <summary>
    /// Met when the clock stopped by the due time pushed back by every paused second before it stopped;
    /// breached when it stopped later, or is still running past that; otherwise pending.
    /// </summary>
    private static bool? Outcome(CaseTimeline t, DateTimeOffset? due, DateTimeOffset? stoppedAt, DateTimeOffset asOf)
    {
        if (due is not { } dueAt)
        {
            return null;
        }

        var end = stoppedAt ?? asOf;
        var effective = end - t.PausedBetween(t.OpenedAt, end);
        if (stoppedAt is not null)
        {
            return effective <= dueAt;
        }

        return effective > dueAt ? false : null;
    }

    private static KpiReport.SlaOutcome Summarise(List<bool?> outcomes)
    {
        var met = outcomes.Count(o => o == true);
        var breached = outcomes.Count(o => o == false);
        var pending = outcomes.Count(o => o is null);
        return new KpiReport.SlaOutcome(met, breached, pending, Ratio(met, met + breached));
    }

    private static KpiReport.BacklogStats Backlog(List<CaseTimeline> cases, DateTimeOffset asOf)
    {
        var open = cases.Where(t => t.IsActionable && t.IsOpenAt(asOf)).ToList();
        var ages = open.Select(t => (asOf - t.OpenedAt).TotalSeconds).ToList();
        return new KpiReport.BacklogStats(
            open.Count,
            Percentiles.Median(ages),
            Percentiles.NearestRank(ages, 0.9),
            ages.Count == 0 ? null : ages.Max(),
            Tally(open.Select(t => t.Case.OwnerTeam ?? "unassigned")),
            Tally(open.Select(t => t.Case.Intent ?? "untriaged")));
    }

    private static IReadOnlyList<KpiReport.QueueItem> Queue(List<CaseTimeline> cases, DateTimeOffset asOf) =>
        cases.Where(t => t.IsActionable && t.IsOpenAt(asOf))
            .OrderBy(t => t.OpenedAt)
            .Take(50)
            .Select(t => new KpiReport.QueueItem(
                t.Case.Id,
                t.Case.Intent,
                t.Case.OwnerTeam,
                t.Case.Status.ToWire(),
                t.Case.Platform,
                (asOf - t.OpenedAt).TotalSeconds,
                t.Case.FirstResponseDueAt,
                Outcome(t, t.Case.FirstResponseDueAt, t.FirstReplyAt is { } r && r <= asOf ? r : null, asOf) == false))
            .ToList();

    private static KpiReport.ReviewerLoadStats ReviewerLoad(List<CaseTimeline> cases, KpiFilter filter)
    {
        var queues = new SortedDictionary<string, (int Requested, int Routine, int Exceptions)>(StringComparer.Ordinal);
        var people = new SortedDictionary<string, (int Routine, int Exceptions)>(StringComparer.Ordinal);
        foreach (var t in cases)
        {
            // Owner at the time of each event: route.assigned moves the case between queues.
            string? owner = t.Case.FirstOwnerTeam;
            foreach (var e in t.Source.Events)
            {
                var inRange = e.At >= filter.From && e.At < filter.To;
                if (e.Kind == CaseEventKinds.RouteAssigned && ReadString(e.Detail, "to") is { } to)
                {
                    owner = to;
                    if (inRange && CaseTimeline.IsPerson(e.Actor))
                    {
                        // A retag that moves the case posts a fresh card in the new owner's queue.
                        Bump(queues, to, requested: 1);
                    }

                    continue;
                }

                if (!inRange)
                {
                    continue;
                }

                if (e.Kind == CaseEventKinds.ReviewRequested)
                {
                    Bump(queues, ReadString(e.Detail, "owner") ?? owner ?? "unassigned", requested: 1);
                    continue;
                }

                bool? routine = e.Kind switch
                {
                    CaseEventKinds.Approved or CaseEventKinds.Resolved => true,
                    CaseEventKinds.Edited or CaseEventKinds.Escalated or CaseEventKinds.Retagged => false,
                    _ => null,
                };
                if (routine is not { } isRoutine || !CaseTimeline.IsPerson(e.Actor))
                {
                    continue;
                }

                // A decision belongs to the queue that owned the card when it was taken: an escalation counts
                // for the team that escalated, and its fresh card counts as requested in the target queue.
                var actingTeam = e.Kind == CaseEventKinds.Escalated ? ReadString(e.Detail, "fromTeam") ?? owner : owner;
                Bump(queues, actingTeam ?? "unassigned", routine: isRoutine ? 1 : 0, exceptions: isRoutine ? 0 : 1);
                var actor = e.Actor["user:".Length..];
                var p = people.GetValueOrDefault(actor);
                people[actor] = isRoutine ? p with { Routine = p.Routine + 1 } : p with { Exceptions = p.Exceptions + 1 };
                if (e.Kind == CaseEventKinds.Escalated && ReadString(e.Detail, "toTeam") is { } target)
                {
                    owner = target;
                    Bump(queues, target, requested: 1);
                }
            }
        }

        return new KpiReport.ReviewerLoadStats(
            queues.Select(kv => new KpiReport.QueueLoad(kv.Key, kv.Value.Requested, kv.Value.Routine, kv.Value.Exceptions)).ToList(),
            people.Select(kv => new KpiReport.PersonLoad(kv.Key, kv.Value.Routine, kv.Value.Exceptions, kv.Value.Routine + kv.Value.Exceptions)).ToList());
    }

    private static void Bump(SortedDictionary<string, (int Requested, int Routine, int Exceptions)> queues, string team, int requested = 0, int routine = 0, int exceptions = 0)
    {
        var q = queues.GetValueOrDefault(team);
        queues[team] = (q.Requested + requested, q.Routine + routine, q.Exceptions + exceptions);
    }

    private static KpiReport.CsatStats Csat(IEnumerable<CaseEvent> ratings)
    {
        var scores = ratings.Select(e => ReadInt(e.Detail, "score")).Where(s => s is >= 1 and <= 5).Select(s => s!.Value).ToList();
        var distribution = Enumerable.Range(1, 5).Select(score => scores.Count(s => s == score)).ToList();
        return new KpiReport.CsatStats(
            scores.Count,
            scores.Count == 0 ? null : Math.Round(scores.Average(), 3),
            Rate(scores.Count(s => s >= 4), scores.Count),
            distribution);
    }

    private static KpiReport.CostStats Cost(KpiFilter filter, AnalyticsOptions options, List<CaseTimeline> actionable, DateTimeOffset asOf)
    {
        var resolved = actionable.Count(t => t.StandingResolutionAt(asOf) is not null);
        double? staffing = options.WeeklyStaffingCost is { } weekly ? Math.Round(weekly * (filter.To - filter.From).TotalDays / 7, 2) : null;
        double? perCase = staffing is { } s && resolved > 0 ? Math.Round(s / resolved, 2) : null;
        double? revenue = null;
        if (options.AverageOrderValue is { } aov && options.PreSalesConversionRate is { } conversion)
        {
            var answered = actionable.Count(t => t.Case.Intent is Intents.PreSales or Intents.PromoCampaign && t.FirstReplyAt is { } r && r <= asOf);
            revenue = Math.Round(answered * aov * conversion, 2);
        }

        double? refunds = null;
        if (options.AverageRefundValue is { } refund && options.RefundSaveRate is { } save)
        {
            var saved = actionable.Count(t => t.Case.Intent is Intents.Billing or Intents.OrderStatus && t.StandingResolutionAt(asOf) is not null && !t.Escalated);
            refunds = Math.Round(saved * refund * save, 2);
        }

        return new KpiReport.CostStats(options.Currency, staffing, resolved, perCase, revenue, refunds);
    }

    private static string PlatformOf(CaseTimeline t, CaseEvent e) => ReadString(e.Detail, "platform") ?? t.Case.Platform;

    private static IReadOnlyDictionary<string, int> Tally(IEnumerable<string> keys) =>
        new SortedDictionary<string, int>(keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    internal static KpiReport.Rate Rate(int numerator, int denominator) => new(numerator, denominator, Ratio(numerator, denominator));

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : Math.Round((double)numerator / denominator, 4);

    private static string? ReadString(string? detail, string property)
    {
        if (detail is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(detail);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static int? ReadInt(string? detail, string property)
    {
        if (detail is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(detail);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out var value) && value.TryGetInt32(out var n) ? n : null;
    }
}
