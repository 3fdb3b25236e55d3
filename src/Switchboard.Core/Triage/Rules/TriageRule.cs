namespace Switchboard.Core.Triage.Rules;

/// <summary>A validated rule, ready to apply.</summary>
internal sealed record TriageRule(
    string Id,
    string? Intent,
    bool Force,
    float Boost,
    string? Severity,
    bool NeedsHuman,
    string? Owner,
    IReadOnlyList<string> WhenIntent)
{
    public bool AppliesTo(string intent) => WhenIntent.Count == 0 || WhenIntent.Contains(intent);
}
