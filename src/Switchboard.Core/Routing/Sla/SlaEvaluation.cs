namespace Switchboard.Core.Routing.Sla;

/// <summary>The result of checking a case's clocks at a moment.</summary>
/// <param name="State">The state to store (warnings and breaches are marked so they are raised once).</param>
/// <param name="Alerts">What to post now.</param>
/// <param name="NextCheckAt">When something can next happen (a warning or breach time), or null when nothing is pending.</param>
public sealed record SlaEvaluation(CaseSlaState State, IReadOnlyList<SlaAlert> Alerts, DateTimeOffset? NextCheckAt);
