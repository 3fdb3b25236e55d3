using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Analytics;

/// <summary>
/// The facts the KPIs need, read once from one case's event log: when it entered the actionable queue,
/// its first reply, resolutions and reopens, SLA pauses, review rounds and who reviewed it.
/// </summary>
internal sealed class CaseTimeline
{
    private static readonly HashSet<string> PersonDecisions =
        [CaseEventKinds.Approved, CaseEventKinds.Edited, CaseEventKinds.Escalated, CaseEventKinds.Retagged, CaseEventKinds.Resolved];

    private CaseTimeline(AnalyticsCase source)
    {
        Source = source;
        Case = source.Case;
    }

    public AnalyticsCase Source { get; }

    public CaseRecord Case { get; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string? FirstTriageIntent { get; private set; }

    /// <summary>First triage decision that was not filtered as noise; null if the case never entered the queue.</summary>
    public DateTimeOffset? ActionableAt { get; private set; }

    public DateTimeOffset? FilteredAt { get; private set; }

    /// <summary>First reply.queued at or after <see cref="ActionableAt"/>.</summary>
    public DateTimeOffset? FirstReplyAt { get; private set; }

    /// <summary>case.resolved and reopen times in order: true = resolved, false = reopened.</summary>
    public List<(DateTimeOffset At, bool Resolved)> ResolutionChanges { get; } = [];

    public List<(DateTimeOffset From, DateTimeOffset? To)> Pauses { get; } = [];

    /// <summary>Review rounds: a card put in front of a person, until a person decided on it.</summary>
    public List<(DateTimeOffset From, DateTimeOffset To)> ReviewRounds { get; } = [];

    public bool ReviewedByPerson { get; private set; }

    public bool AutoApproved { get; private set; }

    public bool Escalated { get; private set; }

    public HashSet<string> CampaignTags { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsActionable => ActionableAt is not null;

    public static CaseTimeline Read(AnalyticsCase source)
    {
        var t = new CaseTimeline(source) { OpenedAt = source.Case.OpenedAt };
        DateTimeOffset? cardOpenSince = null;
        foreach (var e in source.Events)
        {
            switch (e.Kind)
            {
                case CaseEventKinds.Opened:
                    t.OpenedAt = e.At;
                    break;
                case CaseEventKinds.MessageReceived when t.ResolutionChanges.Count > 0 && t.ResolutionChanges[^1].Resolved:
                    // A customer writing into a resolved case reopens it, whether or not a reopen action was logged.
                    t.ResolutionChanges.Add((e.At, false));
                    break;
                case CaseEventKinds.Reopened when t.ResolutionChanges.Count > 0 && t.ResolutionChanges[^1].Resolved:
                    t.ResolutionChanges.Add((e.At, false));
                    break;
                case CaseEventKinds.TriageDecided:
                    t.ReadTriage(e);
                    break;
                case CaseEventKinds.CampaignTagged:
                    t.ReadCampaignTag(e);
                    break;
                case CaseEventKinds.ReviewFiltered:
                    t.FilteredAt ??= e.At;
                    break;
                case CaseEventKinds.AutoApproved:
                    t.AutoApproved = true;
                    break;
                case CaseEventKinds.ReplyQueued when t.ActionableAt is { } since && e.At >= since:
                    t.FirstReplyAt ??= e.At;
                    break;
                case CaseEventKinds.SlaPaused when t.Pauses.Count == 0 || t.Pauses[^1].To is not null:
                    t.Pauses.Add((e.At, null));
                    break;
                case CaseEventKinds.SlaResumed when t.Pauses.Count > 0 && t.Pauses[^1].To is null:
                    t.Pauses[^1] = (t.Pauses[^1].From, e.At);
                    break;
                case CaseEventKinds.ReviewRequested:
                    cardOpenSince ??= e.At;
                    break;
            }

            if (e.Kind == CaseEventKinds.Escalated)
            {
                t.Escalated = true;
            }

            if (e.Kind == CaseEventKinds.Resolved)
            {
                t.ResolutionChanges.Add((e.At, true));
            }

            if (PersonDecisions.Contains(e.Kind) && IsPerson(e.Actor))
            {
                t.ReviewedByPerson = true;
                if (cardOpenSince is { } since)
                {
                    t.ReviewRounds.Add((since, e.At));
                }

                // Escalate and retag post a fresh card: the next round starts at once.
                cardOpenSince = e.Kind is CaseEventKinds.Escalated or CaseEventKinds.Retagged ? e.At : null;
            }
        }

        return t;
    }

    public static bool IsPerson(string actor) => actor.StartsWith("user:", StringComparison.Ordinal);

    /// <summary>Whether the case counted as open at <paramref name="at"/>: opened by then and not resolved or filtered since.</summary>
    public bool IsOpenAt(DateTimeOffset at)
    {
        if (OpenedAt > at || FilteredAt is { } filtered && filtered <= at)
        {
            return false;
        }

        var last = ResolutionChanges.LastOrDefault(c => c.At <= at);
        return last == default || !last.Resolved;
    }

    /// <summary>The resolution that stands at <paramref name="at"/> (the last one, if no reopen followed it), or null.</summary>
    public DateTimeOffset? StandingResolutionAt(DateTimeOffset at)
    {
        var last = ResolutionChanges.LastOrDefault(c => c.At <= at);
        return last != default && last.Resolved ? last.At : null;
    }

    public DateTimeOffset? FirstResolutionAt(DateTimeOffset at) =>
        ResolutionChanges.Where(c => c.Resolved && c.At <= at).Select(c => (DateTimeOffset?)c.At).FirstOrDefault();

    public bool ReopenedAfterFirstResolution(DateTimeOffset at) =>
        FirstResolutionAt(at) is { } first && ResolutionChanges.Any(c => !c.Resolved && c.At > first && c.At <= at);

    /// <summary>Seconds the SLA clock was paused within [from, to]; an unresumed pause runs until <paramref name="to"/>.</summary>
    public TimeSpan PausedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (start, end) in Pauses)
        {
            var s = start < from ? from : start;
            var e = end is { } x && x < to ? x : to;
            if (e > s)
            {
                total += e - s;
            }
        }

        return total;
    }

    /// <summary>The campaign the factsheets matched (campaign.tagged), so campaign KPIs need no keyword list of their own.</summary>
    private void ReadCampaignTag(CaseEvent e)
    {
        if (e.Detail is { } detail)
        {
            using var json = JsonDocument.Parse(detail);
            AddCampaignTag(json.RootElement);
        }
    }

    private void AddCampaignTag(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("campaign", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } campaign)
        {
            CampaignTags.Add(campaign);
        }
    }

    private void ReadTriage(CaseEvent e)
    {
        string? intent = null;
        var needsHuman = false;
        if (e.Detail is { } detail)
        {
            using var json = JsonDocument.Parse(detail);
            var root = json.RootElement;
            if (root.TryGetProperty("intent", out var i) && i.ValueKind == JsonValueKind.String)
            {
                intent = i.GetString();
            }

            needsHuman = root.TryGetProperty("needsHuman", out var n) && n.ValueKind == JsonValueKind.True;
            AddCampaignTag(root);
        }

        FirstTriageIntent ??= intent;
        // The same rule as the review step: noise that needs no person is filtered and never queued.
        var filteredAsNoise = intent == Intents.Noise && !needsHuman;
        if (!filteredAsNoise)
        {
            ActionableAt ??= e.At;
        }
    }
}
