namespace Switchboard.Core.Handoff;

/// <summary>A new CRM ticket for a case's private handoff, carrying the whole cross-channel history.</summary>
public sealed record TicketRequest(
    long CaseId,
    string Subject,
    string Intent,
    string Severity,
    TicketRequester Requester,
    IReadOnlyList<CaseHistoryEntry> History)
{
    /// <summary>Extra tags (the owner team, the matrix rule, a campaign).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
