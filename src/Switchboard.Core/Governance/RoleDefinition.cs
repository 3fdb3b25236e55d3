namespace Switchboard.Core.Governance;

/// <summary>A role with its inherited permissions already folded in.</summary>
/// <param name="Name">The role id (agent, lead, finance_lead, …).</param>
/// <param name="DisplayName">Used in refusal messages: "you need the finance lead role …".</param>
/// <param name="Level">One of <see cref="RoleLevels.All"/>.</param>
/// <param name="Includes">This role and every role it inherits from.</param>
public sealed record RoleDefinition(
    string Name,
    string DisplayName,
    string Level,
    IReadOnlySet<string> Permissions,
    IReadOnlySet<string> ApproveIntents,
    IReadOnlySet<string> Includes)
{
    public bool IsAdmin => Level == RoleLevels.Admin;

    public bool Has(string permission) => IsAdmin || Permissions.Contains(permission);

    public bool CanApprove(string intent) => IsAdmin || ApproveIntents.Contains(intent);
}
