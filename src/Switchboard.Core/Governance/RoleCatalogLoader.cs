using Switchboard.Core.Governance.Yaml;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Yaml;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Governance;

/// <summary>Loads and validates config/roles.yaml (inheritance folded in, cycles and unknown names reported with their path).</summary>
public static class RoleCatalogLoader
{
    private const string Name = "roles";

    public static RoleCatalog LoadFile(string path)
    {
        var errors = new List<string>();
        var yaml = RoutingConfigLoader.ReadFile(path, Name, errors);
        return yaml is null ? throw new ConfigValidationException(errors) : Load(yaml);
    }

    public static RoleCatalog Load(string yaml) =>
        TryLoad(yaml, out var errors) ?? throw new ConfigValidationException(errors);

    public static RoleCatalog? TryLoad(string yaml, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        var document = YamlConfig.Read<RolesDocument>(yaml, Name, list);
        if (document is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(document.Version))
        {
            list.Add($"{Name}.version: required");
        }

        var rows = document.Roles ?? [];
        if (rows.Count == 0)
        {
            list.Add($"{Name}.roles: at least one role is required");
        }

        foreach (var (role, row) in rows)
        {
            var path = $"{Name}.roles.{role}";
            if (!RoutingConfigLoader.IdPattern().IsMatch(role))
            {
                list.Add($"{path}: role names are lower_snake_case");
            }

            if (row is null)
            {
                list.Add($"{path}: the role is empty");
                continue;
            }

            if (row.Level is not null && !RoleLevels.All.Contains(row.Level))
            {
                list.Add($"{path}.level: '{row.Level}' is not a level ({string.Join(" | ", RoleLevels.All)})");
            }

            for (var i = 0; i < (row.Permissions?.Count ?? 0); i++)
            {
                var permission = row.Permissions![i];
                if (permission != Permissions.All && !Permissions.Known.Contains(permission))
                {
                    list.Add($"{path}.permissions[{i}]: '{permission}' is not a permission ({string.Join(" | ", Permissions.Known)})");
                }
            }

            for (var i = 0; i < (row.Approve?.Count ?? 0); i++)
            {
                var intent = row.Approve![i];
                if (intent != Permissions.All && !Intents.IsKnown(intent))
                {
                    list.Add($"{path}.approve[{i}]: '{intent}' is not an intent");
                }
            }

            for (var i = 0; i < (row.Inherits?.Count ?? 0); i++)
            {
                if (!rows.ContainsKey(row.Inherits![i]))
                {
                    list.Add($"{path}.inherits[{i}]: role '{row.Inherits[i]}' is not defined");
                }
            }
        }

        if (list.Count > 0)
        {
            return null;
        }

        var roles = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal);
        foreach (var role in rows.Keys)
        {
            var includes = new HashSet<string>(StringComparer.Ordinal);
            if (!Collect(role, rows, includes, [], out var cycle))
            {
                list.Add($"{Name}.roles.{role}.inherits: inheritance cycle {cycle}");
                continue;
            }

            var permissions = includes.SelectMany(r => rows[r].Permissions ?? []).ToList();
            var approve = includes.SelectMany(r => rows[r].Approve ?? []).ToList();
            var row = rows[role];
            var level = row.Level ?? RoleLevels.Agent;
            if (permissions.Contains(Permissions.All) && approve.Contains(Permissions.All))
            {
                level = RoleLevels.Admin;
            }

            roles[role] = new RoleDefinition(
                role,
                row.DisplayName ?? role.Replace('_', ' '),
                level,
                (permissions.Contains(Permissions.All) ? Permissions.Known : permissions).ToHashSet(StringComparer.Ordinal),
                (approve.Contains(Permissions.All) ? Intents.All : approve).ToHashSet(StringComparer.Ordinal),
                includes);
        }

        return list.Count == 0 ? new RoleCatalog(document.Version!, roles) : null;
    }

    private static bool Collect(string role, Dictionary<string, RoleDocument> rows, HashSet<string> into, List<string> stack, out string cycle)
    {
        cycle = string.Empty;
        if (stack.Contains(role))
        {
            cycle = string.Join(" → ", stack.Append(role));
            return false;
        }

        if (!into.Add(role))
        {
            return true;
        }

        stack.Add(role);
        foreach (var parent in rows[role].Inherits ?? [])
        {
            if (!Collect(parent, rows, into, stack, out cycle))
            {
                return false;
            }
        }

        stack.RemoveAt(stack.Count - 1);
        return true;
    }
}
