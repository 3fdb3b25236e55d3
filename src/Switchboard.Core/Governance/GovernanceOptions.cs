using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Governance;

/// <summary>Roles file and who holds which roles.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Switchboard:Governance";

    /// <summary>The roles file; relative paths resolve against the content root. Default <c>config/roles.yaml</c>.</summary>
    [Required]
    public string RolesPath { get; set; } = "config/roles.yaml";

    /// <summary>People and their roles. Default none: nobody may act until mapped (fail closed).</summary>
    public List<GovernanceMember> Members { get; set; } = [];
}
