namespace Switchboard.Core.Campaigns;

/// <summary>What a launch-run button token points at.</summary>
public sealed record LaunchTokenTarget(long RunId, string TaskId, string Action);
