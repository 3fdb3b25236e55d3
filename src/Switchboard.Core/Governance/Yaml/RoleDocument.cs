namespace Switchboard.Core.Governance.Yaml;

internal sealed class RoleDocument
{
    public string? DisplayName { get; set; }

    public string? Level { get; set; }

    public List<string>? Inherits { get; set; }

    public List<string>? Permissions { get; set; }

    public List<string>? Approve { get; set; }
}
