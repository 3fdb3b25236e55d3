namespace Switchboard.Core.Analytics;

/// <summary>One resolved case picked for a weekly retro.</summary>
public sealed record RetroSampleItem(string Period, long CaseId, string Intent);
