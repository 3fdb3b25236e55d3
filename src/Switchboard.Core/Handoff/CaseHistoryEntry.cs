namespace Switchboard.Core.Handoff;

/// <summary>One message or note of a case's cross-channel history, as carried into the CRM ticket.</summary>
/// <param name="Direction"><c>in</c> (customer), <c>out</c> (our reply) or <c>note</c> (internal).</param>
/// <param name="Author">Handle or agent name shown in the ticket.</param>
/// <param name="IsPublic">True for a public post or reply, false for a DM or a note.</param>
public sealed record CaseHistoryEntry(DateTimeOffset At, string Platform, string Direction, string Author, bool IsPublic, string Text);
