namespace Switchboard.Core.Campaigns;

/// <summary>A stored message in the report window.</summary>
public sealed record ReportMessage(long Id, DateTimeOffset At, string Platform, long? CaseId, string? AuthorHandle, string Text);
