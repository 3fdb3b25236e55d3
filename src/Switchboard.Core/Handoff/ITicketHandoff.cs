namespace Switchboard.Core.Handoff;

/// <summary>
/// A CRM or ticketing system a case's private handoff opens a ticket in (Zendesk today). Failures are
/// <see cref="TicketHandoffException"/>s. Create is not idempotent: the caller stores the returned id on the case
/// and calls <see cref="UpdateTicketAsync"/> afterwards.
/// </summary>
public interface ITicketHandoff
{
    /// <summary>The system's name for <see cref="TicketRef.System"/> ("zendesk").</summary>
    string System { get; }

    Task<TicketRef> CreateTicketAsync(TicketRequest request, CancellationToken cancellationToken);

    Task UpdateTicketAsync(string ticketId, TicketUpdate update, CancellationToken cancellationToken);
}
