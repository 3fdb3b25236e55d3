namespace Switchboard.Core.Campaigns;

/// <summary>A stored message in the report window; <see cref="Channel"/> says where it was posted (clarifications are pinned there).</summary>
public sealed record ReportMessage(long Id, DateTimeOffset At, string Platform, long? CaseId, string? AuthorHandle, string Text, Connectors.ChannelAddress? Channel = null, bool IsPublic = false);
