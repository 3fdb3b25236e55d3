using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Analytics;

/// <summary>Builds one case and its event log by hand, with times as minutes after a fixed origin.</summary>
internal sealed class CaseLog(long id, DateTimeOffset origin, double openedMinutes, string platform)
{
    private readonly List<CaseEvent> _events = [];
    private readonly List<string> _texts = [];

    public CaseRecord Case { get; private set; } = new(id, $"{platform}:customer{id}", platform, "playground", CaseStatus.AwaitingApproval, 1, origin.AddMinutes(openedMinutes), origin.AddMinutes(openedMinutes));

    /// <summary>A time <paramref name="minutes"/> after the case opened.</summary>
    public DateTimeOffset At(double minutes) => Case.OpenedAt.AddMinutes(minutes);

    public CaseLog With(Func<CaseRecord, CaseRecord> change)
    {
        Case = change(Case);
        return this;
    }

    public CaseLog Event(double minutes, string kind, string actor = "system:test", string? detail = null)
    {
        _events.Add(new CaseEvent(_events.Count + 1, Case.Id, origin.AddMinutes(minutes), kind, actor, detail, null));
        return this;
    }

    public CaseLog Opened(string text = "hello")
    {
        _texts.Add(text);
        return Event(0, CaseEventKinds.Opened).Event(0, CaseEventKinds.MessageReceived);
    }

    public CaseLog Triage(double minutes, string intent, bool needsHuman = false, string? campaign = null) =>
        Event(minutes, CaseEventKinds.TriageDecided, "system:triage", campaign is null
            ? $$"""{"intent":"{{intent}}","needsHuman":{{(needsHuman ? "true" : "false")}}}"""
            : $$"""{"intent":"{{intent}}","needsHuman":{{(needsHuman ? "true" : "false")}},"campaign":"{{campaign}}"}""");

    public CaseLog Route(double minutes, string? from, string to, string actor = "system:route") =>
        Event(minutes, CaseEventKinds.RouteAssigned, actor, from is null ? $$"""{"from":null,"to":"{{to}}"}""" : $$"""{"from":"{{from}}","to":"{{to}}"}""");

    public CaseLog Requested(double minutes, string owner) =>
        Event(minutes, CaseEventKinds.ReviewRequested, "system:review", $$"""{"card":"review","owner":"{{owner}}"}""");

    public AnalyticsCase Build()
    {
        // Events of a case are relative to its opening: shift them so minute 0 is when it opened.
        var opened = Case.OpenedAt;
        var events = _events.Select(e => e with { At = opened + (e.At - origin) }).ToList();
        return new AnalyticsCase(Case, events, _texts);
    }
}
