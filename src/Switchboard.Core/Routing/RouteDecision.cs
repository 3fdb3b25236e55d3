using Switchboard.Core.Connectors;

namespace Switchboard.Core.Routing;

/// <summary>Where a case goes and under which service targets and approval policy.</summary>
/// <param name="OwnerTeam">The owning team.</param>
/// <param name="ReviewChannels">Where the owning team reviews cards.</param>
/// <param name="FirstResponseDue">When the first response is due.</param>
/// <param name="ResolutionDue">When resolution is due.</param>
/// <param name="HumanRequired">True when a person must approve the reply whatever the confidence.</param>
/// <param name="AutoSendAtConfidence">Auto-send is allowed at or above this confidence when no human is required; null never.</param>
/// <param name="PublicMode">How to answer in public (acknowledge_and_move_to_dm, status_reply, warn_and_collect_evidence, hold_for_review).</param>
/// <param name="EscalationPath">Teams to escalate to, in order.</param>
/// <param name="RuleId">The matrix row that decided, for the audit log.</param>
public sealed record RouteDecision(
    string OwnerTeam,
    IReadOnlyList<ChannelAddress> ReviewChannels,
    DateTimeOffset FirstResponseDue,
    DateTimeOffset ResolutionDue,
    bool HumanRequired,
    double? AutoSendAtConfidence,
    string PublicMode,
    IReadOnlyList<string> EscalationPath,
    string RuleId);
