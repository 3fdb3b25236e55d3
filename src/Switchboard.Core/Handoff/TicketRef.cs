namespace Switchboard.Core.Handoff;

/// <summary>The ticket a case is linked to (store <see cref="Id"/> in <c>CaseRecord.TicketRef</c>).</summary>
public sealed record TicketRef(string System, string Id, Uri? AgentUrl);
