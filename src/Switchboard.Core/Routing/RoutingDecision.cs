using Switchboard.Core.Connectors;

namespace Switchboard.Core.Routing;

/// <summary>Where a case goes, how it is answered, how fast and who approves, with the rule that decided it.</summary>
/// <param name="RuleId">The matched row (<c>billing</c> or <c>billing/dispute</c>), for the audit log.</param>
/// <param name="MatrixVersion">The matrix's <c>version</c>, for the audit log.</param>
/// <param name="Severity">The severity after overrides (VIP, traction, legal, safety).</param>
/// <param name="ReviewChannels">Where the review card goes: the owner team's channels.</param>
/// <param name="Flags">The flags the decision saw (vip, traction, legal, safety, cluster, public).</param>
/// <param name="AppliedOverrides">Ids of the matrix-wide overrides that tightened the row.</param>
/// <param name="OneReplyPerCluster">True: answer the whole incident cluster with one status reply.</param>
/// <param name="Filtered">True: noise, kept out of the review queue.</param>
public sealed record RoutingDecision(
    string RuleId,
    string MatrixVersion,
    string Intent,
    string Severity,
    double Confidence,
    string? ClusterId,
    string OwnerTeam,
    IReadOnlyList<ChannelAddress> ReviewChannels,
    string PublicMode,
    string PrivateHandoff,
    IReadOnlyList<string> EscalationPath,
    SlaTarget? FirstResponseTarget,
    SlaTarget? ResolutionTarget,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    ApprovalRequirement Approval,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> AppliedOverrides,
    bool OneReplyPerCluster,
    bool Filtered)
{
    public bool NeedsHuman => Approval.HumanRequired;

    /// <summary>The triage rule's owner that replaced the row's owner, or null when the matrix row decided.</summary>
    public string? OwnerForcedBy { get; init; }

    /// <summary>The value for <c>CaseEvent.RuleOrModel</c>: matrix version and rule id.</summary>
    public string AuditRule => $"{MatrixVersion}:{RuleId}";
}
