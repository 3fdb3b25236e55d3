namespace Switchboard.Core.Campaigns;

/// <summary>A suggested pinned clarification for a repeated question; <see cref="Status"/> is suggested or pinned.</summary>
public sealed record CampaignClarification(long Id, string Campaign, string ClusterKey, string Text, int AskCount, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PinnedAt);
