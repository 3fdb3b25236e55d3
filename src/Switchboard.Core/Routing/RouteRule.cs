namespace Switchboard.Core.Routing;

/// <summary>One resolved row of the escalation matrix: everything routing needs for an intent (and trigger).</summary>
/// <param name="Id">The rule id written to the audit log: the intent, or <c>intent/trigger</c>.</param>
/// <param name="Owner">The team that owns the case.</param>
/// <param name="PublicMode">One of <see cref="PublicResponseModes.All"/>.</param>
/// <param name="PrivateHandoff">One of <see cref="PrivateHandoffs.All"/>.</param>
/// <param name="EscalationPath">Teams warned and escalated to, in order.</param>
/// <param name="FirstResponse">First-response target, or null for no clock.</param>
/// <param name="Resolution">Resolution target, or null for no clock.</param>
/// <param name="Approval">Who must approve a reply.</param>
/// <param name="OneReplyPerCluster">True: members of an incident cluster share one public status reply.</param>
/// <param name="Filtered">True: the message is filtered out of the review queue (noise).</param>
public sealed record RouteRule(
    string Id,
    string Owner,
    string PublicMode,
    string PrivateHandoff,
    IReadOnlyList<string> EscalationPath,
    SlaTarget? FirstResponse,
    SlaTarget? Resolution,
    ApprovalPolicy Approval,
    bool OneReplyPerCluster = false,
    bool Filtered = false);
