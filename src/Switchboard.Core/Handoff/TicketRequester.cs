namespace Switchboard.Core.Handoff;

/// <summary>The customer as the CRM should know them.</summary>
/// <param name="ExternalId">A stable key (the case's customer key, <c>telegram:12345</c>).</param>
/// <param name="Email">Only when the customer gave it privately; social customers often have none.</param>
public sealed record TicketRequester(string Name, string ExternalId, string? Email = null);
