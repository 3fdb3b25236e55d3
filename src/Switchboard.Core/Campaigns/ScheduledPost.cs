namespace Switchboard.Core.Campaigns;

/// <summary>A scheduled creator post: when, who, where, how far it reaches, and whether it is boosted or whitelisted.</summary>
public sealed record ScheduledPost(DateTimeOffset At, string Creator, string Platform, long ExpectedReach, bool PaidBoost, bool Whitelisted);
