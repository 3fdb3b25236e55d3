namespace Switchboard.Core.Campaigns;

/// <summary>A checklist task inside a launch run, with who marked it and when.</summary>
public sealed record LaunchTask(string TaskId, string State, string? By, DateTimeOffset? At, string? DoneToken, string? BlockedToken);
