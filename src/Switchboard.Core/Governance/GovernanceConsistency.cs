using Switchboard.Core.Routing;

namespace Switchboard.Core.Governance;

/// <summary>Cross-checks the matrix against the roles: every role an approval policy names must exist and be able to approve.</summary>
public static class GovernanceConsistency
{
    public static IReadOnlyList<string> Check(EscalationMatrix matrix, RoleCatalog roles)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new List<string>();
        var rules = matrix.Intents.Values
            .SelectMany(i => i.Triggers.Select(t => (Path: $"matrix.intents.{i.Intent}.triggers.{t.Id}", t.Rule.Approval)).Prepend(($"matrix.intents.{i.Intent}", i.Default.Approval)))
            .Concat(matrix.Overrides.Where(o => o.Approval is not null).Select(o => (Path: $"matrix.overrides.{o.Id}", Approval: o.Approval!)));
        foreach (var (path, approval) in rules)
        {
            if (approval.Kind == ApprovalPolicyKinds.Role && approval.Role is { } role && !roles.Roles.ContainsKey(role))
            {
                errors.Add($"{path}.approval.role: '{role}' is not a role in the roles file ({string.Join(", ", roles.Roles.Keys)})");
            }
        }

        return errors;
    }
}
