namespace Switchboard.Core.Governance;

/// <summary>An action on a case to authorize.</summary>
/// <param name="Action">One of <see cref="Permissions.Known"/>.</param>
/// <param name="Intent">The case's intent (approval is per intent).</param>
/// <param name="RequiredRole">The role routing asked for (<c>RoutingDecision.Approval.Role</c>): agent, lead or a specific role.</param>
/// <param name="IsPublic">True when approving sends a public reply: the actor also needs <see cref="Permissions.PostPublicly"/>.</param>
public sealed record AuthorizationRequest(string Action, string? Intent = null, string? RequiredRole = null, bool IsPublic = false);
