namespace Switchboard.Core.Routing.Sla;

/// <summary>Both SLA clocks of a case and where alerts go.</summary>
/// <param name="OwnerTeam">The team the clocks run for.</param>
/// <param name="EscalationPath">Teams that receive warnings and breaches, after the owner.</param>
/// <param name="RuleId">The matrix rule the targets came from.</param>
/// <param name="WaitingOnCustomer">True while paused waiting on the customer.</param>
public sealed record CaseSlaState(
    SlaClockState? FirstResponse,
    SlaClockState? Resolution,
    string OwnerTeam,
    IReadOnlyList<string> EscalationPath,
    string RuleId,
    bool WaitingOnCustomer = false)
{
    public IEnumerable<SlaClockState> Clocks =>
        new[] { FirstResponse, Resolution }.Where(c => c is not null).Select(c => c!);
}
