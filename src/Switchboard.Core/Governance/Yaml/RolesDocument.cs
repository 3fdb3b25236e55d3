namespace Switchboard.Core.Governance.Yaml;

/// <summary>config/roles.yaml as read.</summary>
internal sealed class RolesDocument
{
    public string? Version { get; set; }

    public Dictionary<string, RoleDocument>? Roles { get; set; }
}
