namespace Switchboard.Core.Campaigns;

/// <summary>A message seen during the go-live window, as the detectors need it.</summary>
public sealed record CampaignMessage(string Id, DateTimeOffset At, string Platform, string? AuthorHandle, string Text);
