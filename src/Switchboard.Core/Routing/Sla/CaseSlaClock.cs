using System.Text.Json;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Routing.Sla;

/// <summary>
/// Moves a case's SLA clocks on the events that matter (routed, owner changed, customer wrote again,
/// first response, resolved) and stores them as JSON with the time the monitor should next look.
/// </summary>
public sealed class CaseSlaClock(SlaEngine engine)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CaseSlaState? Read(SlaRecord? record) =>
        record is null ? null : JsonSerializer.Deserialize<CaseSlaState>(record.StateJson, Json);

    public SlaRecord Write(CaseSlaState state, DateTimeOffset now) =>
        new(JsonSerializer.Serialize(state, Json), engine.Evaluate(state, now).NextCheckAt);

    /// <summary>A (new) routing decision for the case: start the clocks, or re-apply them for a new owner; a customer message ends a wait.</summary>
    public CaseSlaState Routed(CaseSlaState? state, RoutingDecision decision, DateTimeOffset openedAt, DateTimeOffset now)
    {
        if (state is null)
        {
            return engine.Start(decision, openedAt);
        }

        if (!string.Equals(state.OwnerTeam, decision.OwnerTeam, StringComparison.Ordinal))
        {
            state = engine.ChangeOwner(state, decision, now);
        }

        return state.WaitingOnCustomer ? engine.Resume(state, now) : state;
    }

    /// <summary>A reply went out: the first-response clock is met and the case waits on the customer.</summary>
    public CaseSlaState Replied(CaseSlaState state, DateTimeOffset now) => engine.Pause(engine.RecordFirstResponse(state, now), now);

    public CaseSlaState OwnerChanged(CaseSlaState state, RoutingDecision decision, DateTimeOffset now) => engine.ChangeOwner(state, decision, now);

    public CaseSlaState Resolved(CaseSlaState state, DateTimeOffset now) => engine.RecordResolved(state, now);

    /// <summary>A reopened case: the resolution clock resumes with the time it had left.</summary>
    public CaseSlaState Reopened(CaseSlaState state, DateTimeOffset now) => engine.Reopen(state, now);
}
