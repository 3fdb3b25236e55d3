namespace Switchboard.Core.Triage.Jsonl;

/// <summary>Outcome of one JSONL triage run.</summary>
public sealed record TriageRunSummary(int Processed, int Failed, TimeSpan Elapsed)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;
}
