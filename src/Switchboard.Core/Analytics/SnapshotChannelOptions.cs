using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Analytics;

/// <summary>A channel on a connector that receives the weekly KPI snapshot and retro cards.</summary>
public sealed class SnapshotChannelOptions
{
    /// <summary>Connector name ("playground", "slack", "teams", …).</summary>
    [Required]
    public string Connector { get; set; } = string.Empty;

    /// <summary>Channel id on that connector.</summary>
    [Required]
    public string Channel { get; set; } = string.Empty;
}
