namespace Switchboard.Core.Governance;

/// <summary>Every role by name, from config/roles.yaml.</summary>
/// <param name="Version">Written to the audit log with every authorization decision.</param>
public sealed record RoleCatalog(string Version, IReadOnlyDictionary<string, RoleDefinition> Roles)
{
    /// <summary>The actor's known roles; unknown role names are ignored (they grant nothing).</summary>
    public IReadOnlyList<RoleDefinition> Resolve(IEnumerable<string> roleNames) =>
        roleNames.Where(Roles.ContainsKey).Distinct().Select(r => Roles[r]).ToList();

    public string DisplayName(string role) => Roles.TryGetValue(role, out var definition) ? definition.DisplayName : role.Replace('_', ' ');
}
