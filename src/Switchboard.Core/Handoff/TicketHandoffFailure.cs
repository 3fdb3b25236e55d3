namespace Switchboard.Core.Handoff;

public enum TicketHandoffFailure
{
    Transient,
    RateLimited,
    Auth,
    NotFound,
    Invalid,
}
