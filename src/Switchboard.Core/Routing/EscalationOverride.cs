namespace Switchboard.Core.Routing;

/// <summary>
/// A matrix-wide override row (high visibility, traction, legal, safety). It applies after the intent's row
/// and may only tighten it: a shorter first-response target, a stricter approval, more teams on the path,
/// and optionally a public mode (for example hold_for_review on a legal threat).
/// </summary>
public sealed record EscalationOverride(
    string Id,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> AddEscalation,
    SlaTarget? FirstResponse,
    ApprovalPolicy? Approval,
    string? PublicMode)
{
    public bool Matches(IReadOnlySet<string> flags) => Flags.Any(flags.Contains);
}
