using System.Globalization;
using System.Text;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Core.Triage.Evaluation;

/// <summary>Scores triage engines on labeled rows: per-intent P/R/F1, macro-F1, confusion, severity, noise, critical recall.</summary>
public static class TriageEvaluator
{
    public static EvaluationReport Evaluate(string name, ITriageEngine engine, IReadOnlyList<LabeledExample> rows)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Evaluate(name, rows, (_, request) => engine.Triage(request));
    }

    /// <summary>Scores rows that each may be triaged by a different engine (cross-validation folds): <paramref name="triage"/> gets the row's index.</summary>
    internal static EvaluationReport Evaluate(string name, IReadOnlyList<LabeledExample> rows, Func<int, TriageRequest, TriageResult> triage)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(triage);
        var labels = Intents.All;
        var k = labels.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++)
        {
            confusion[i] = new int[k];
        }

        int filtered = 0, filteredCorrect = 0, goldNoise = 0;
        int correct = 0, severityRows = 0, severityCorrect = 0, criticalSupport = 0, criticalHit = 0, safetySupport = 0, safetyHit = 0, needsHuman = 0, abstained = 0;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            // Spread rows a day apart so evaluation measures classification, not incident clustering.
            var result = triage(r, new TriageRequest(row.Id, row.Text, Timestamp: start.AddDays(r)));
            var gold = IndexOf(labels, row.Intent);
            var predicted = IndexOf(labels, result.Intent);
            confusion[gold][predicted]++;
            correct += gold == predicted ? 1 : 0;
            if (row.Severity is not null)
            {
                severityRows++;
                severityCorrect += row.Severity == result.Severity ? 1 : 0;
                if (row.Severity == Severities.Critical)
                {
                    criticalSupport++;
                    criticalHit += result.Severity == Severities.Critical ? 1 : 0;
                    if (row.Intent == Intents.TrustSafety)
                    {
                        safetySupport++;
                        safetyHit += result.Severity == Severities.Critical ? 1 : 0;
                    }
                }
            }

            needsHuman += result.NeedsHuman ? 1 : 0;
            goldNoise += row.Intent == Intents.Noise ? 1 : 0;
            if (result.Intent == Intents.Noise && !result.NeedsHuman)
            {
                filtered++;
                filteredCorrect += row.Intent == Intents.Noise ? 1 : 0;
            }

            abstained += result.Reasons.Any(x => x.StartsWith("abstained", StringComparison.Ordinal)) ? 1 : 0;
        }

        var perIntent = new List<IntentMetrics>();
        for (var c = 0; c < k; c++)
        {
            var support = confusion[c].Sum();
            var predictedCount = confusion.Sum(row => row[c]);
            var tp = confusion[c][c];
            var precision = predictedCount == 0 ? 0 : tp / (double)predictedCount;
            var recall = support == 0 ? 0 : tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.Add(new IntentMetrics(labels[c], support, predictedCount, precision, recall, f1));
        }

        var present = perIntent.Where(m => m.Support > 0).ToList();
        var noise = perIntent[IndexOf(labels, Intents.Noise)];
        return new EvaluationReport(
            name,
            rows.Count,
            rows.Count == 0 ? 0 : correct / (double)rows.Count,
            present.Count == 0 ? 0 : present.Average(m => m.F1),
            perIntent,
            confusion,
            severityRows == 0 ? null : severityCorrect / (double)severityRows,
            noise.Precision,
            noise.Recall,
            filtered == 0 ? 0 : filteredCorrect / (double)filtered,
            goldNoise == 0 ? 0 : filteredCorrect / (double)goldNoise,
            criticalSupport == 0 ? null : criticalHit / (double)criticalSupport,
            criticalSupport,
            rows.Count == 0 ? 0 : needsHuman / (double)rows.Count,
            rows.Count == 0 ? 0 : abstained / (double)rows.Count)
        {
            SafetyCriticalRecall = safetySupport == 0 ? null : safetyHit / (double)safetySupport,
            SafetyCriticalSupport = safetySupport,
        };
    }

    /// <summary>Plain-text report: the engine and the baseline side by side.</summary>
    public static string Format(EvaluationReport engine, EvaluationReport baseline)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"rows: {engine.Rows}");
        sb.AppendLine(inv, $"{"intent",-16} {"support",7} | {engine.Engine + " P",10} {"R",6} {"F1",6} | {baseline.Engine + " P",12} {"R",6} {"F1",6}");
        for (var i = 0; i < engine.PerIntent.Count; i++)
        {
            var a = engine.PerIntent[i];
            var b = baseline.PerIntent[i];
            sb.AppendLine(inv, $"{a.Intent,-16} {a.Support,7} | {a.Precision,10:0.000} {a.Recall,6:0.000} {a.F1,6:0.000} | {b.Precision,12:0.000} {b.Recall,6:0.000} {b.F1,6:0.000}");
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"{"figure",-28} {engine.Engine,14} {baseline.Engine,14}");
        Line(sb, "macro-F1 (intents present)", engine.MacroF1, baseline.MacroF1);
        Line(sb, "accuracy", engine.Accuracy, baseline.Accuracy);
        Line(sb, "severity accuracy", engine.SeverityAccuracy, baseline.SeverityAccuracy);
        Line(sb, "noise precision", engine.NoisePrecision, baseline.NoisePrecision);
        Line(sb, "noise recall", engine.NoiseRecall, baseline.NoiseRecall);
        Line(sb, "filtered-noise precision", engine.FilteredNoisePrecision, baseline.FilteredNoisePrecision);
        Line(sb, "filtered-noise recall", engine.FilteredNoiseRecall, baseline.FilteredNoiseRecall);
        Line(sb, $"critical recall (n={engine.CriticalSupport})", engine.CriticalRecall, baseline.CriticalRecall);
        Line(sb, $"  safety/threat/personal (n={engine.SafetyCriticalSupport})", engine.SafetyCriticalRecall, baseline.SafetyCriticalRecall);
        Line(sb, "needs-human rate", engine.NeedsHumanRate, baseline.NeedsHumanRate);
        Line(sb, "abstain rate", engine.AbstainRate, baseline.AbstainRate);
        sb.AppendLine();
        sb.AppendLine(inv, $"confusion matrix of {engine.Engine} (rows gold, columns predicted):");
        sb.Append(' ', 16);
        foreach (var label in Intents.All)
        {
            sb.Append(inv, $" {Abbreviate(label),5}");
        }

        sb.AppendLine();
        for (var g = 0; g < Intents.All.Count; g++)
        {
            sb.Append(inv, $"{Intents.All[g],-16}");
            foreach (var count in engine.Confusion[g])
            {
                sb.Append(inv, $" {count,5}");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, double? a, double? b) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name,-28} {Show(a),14} {Show(b),14}");

    private static string Show(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Abbreviate(string label) => label.Length <= 5 ? label : label[..5];

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return labels.Count - 1;
    }
}
