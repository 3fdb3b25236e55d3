using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Routing;

/// <summary>The escalation matrix, teams and SLA settings.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Switchboard:Routing";

    /// <summary>The escalation matrix; relative paths resolve against the content root. Default <c>config/escalation-matrix.yaml</c>.</summary>
    [Required]
    public string MatrixPath { get; set; } = "config/escalation-matrix.yaml";

    /// <summary>Teams, review channels and business hours. Default <c>config/teams.yaml</c>.</summary>
    [Required]
    public string TeamsPath { get; set; } = "config/teams.yaml";

    /// <summary>How long before an SLA due time the warning is posted (capped at half the target). Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SlaWarningLead { get; set; } = TimeSpan.FromMinutes(10);
}
