namespace Switchboard.Core.Triage.Evaluation;

/// <summary>Figures of one engine on one labeled set.</summary>
/// <param name="MacroF1">Mean F1 over the intents present in the gold labels.</param>
/// <param name="Confusion">Confusion[gold][predicted] counts, in <see cref="Intents.All"/> order.</param>
/// <param name="CriticalRecall">Share of gold-critical rows the engine also rated critical (null when none): safety, legal/media escalation and widespread outages.</param>
/// <param name="FilteredNoisePrecision">Precision of what would be filtered unseen: noise and no person needed.</param>
/// <param name="NeedsHumanRate">Share of rows marked for a person (abstentions, sensitive rules, critical).</param>
public sealed record EvaluationReport(
    string Engine,
    int Rows,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<IntentMetrics> PerIntent,
    int[][] Confusion,
    double? SeverityAccuracy,
    double NoisePrecision,
    double NoiseRecall,
    double FilteredNoisePrecision,
    double FilteredNoiseRecall,
    double? CriticalRecall,
    int CriticalSupport,
    double NeedsHumanRate,
    double AbstainRate)
{
    /// <summary>
    /// Critical recall on the safety cases the issue names (violence, threats, children, exposed personal data):
    /// gold trust-and-safety rows rated critical. Null when the set has none.
    /// </summary>
    public double? SafetyCriticalRecall { get; init; }

    public int SafetyCriticalSupport { get; init; }
}
