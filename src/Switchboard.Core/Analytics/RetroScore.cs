namespace Switchboard.Core.Analytics;

/// <summary>A lead's 1–5 scores of one retro case for tone, accuracy and speed.</summary>
public sealed record RetroScore(string Period, long CaseId, string Reviewer, int Tone, int Accuracy, int Speed, DateTimeOffset At);
