namespace Switchboard.Core.Handoff;

/// <summary>New history (and optionally a status) appended to an existing ticket as an internal comment.</summary>
/// <param name="Status">A CRM status (<c>open</c>, <c>pending</c>, <c>solved</c>) or null to leave it.</param>
public sealed record TicketUpdate(long CaseId, IReadOnlyList<CaseHistoryEntry> NewHistory, string? Note = null, string? Status = null);
