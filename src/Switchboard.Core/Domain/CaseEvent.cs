namespace Switchboard.Core.Domain;

/// <summary>
/// One entry of a case's append-only event log: who or what did what, when, and under which rule or model version.
/// </summary>
/// <param name="Kind">Dotted event name, for example <c>message.received</c>, <c>triage.decided</c>, <c>review.approved</c>.</param>
/// <param name="Actor">A person (<c>user:@dana</c>) or a component (<c>system:triage</c>).</param>
/// <param name="Detail">A small JSON object with the event's facts (before/after values); never a secret.</param>
/// <param name="RuleOrModel">The rule id or model version that made an automatic decision.</param>
public sealed record CaseEvent(
    long Id,
    long CaseId,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string? Detail,
    string? RuleOrModel);

/// <summary>An event about to be appended to a case's log.</summary>
public sealed record CaseEventDraft(string Kind, string Actor, string? Detail = null, string? RuleOrModel = null);
