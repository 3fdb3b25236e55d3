using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage.Evaluation;

/// <summary>One fold of <see cref="SourceCrossValidation"/>: a dataset whose rows were scored by a model trained without it.</summary>
/// <param name="Accuracy">Share of the fold's rows given their gold intent (for one-intent datasets this is that intent's recall).</param>
public sealed record CrossValidationFold(string Dataset, int Rows, double Accuracy, double MacroF1);

/// <summary>A scored row whose intent the fold's model got wrong; <paramref name="Filtered"/> when it would have been dropped as noise unseen.</summary>
public sealed record CrossValidationMiss(string Id, string Dataset, string Gold, string Predicted, double Confidence, bool Filtered, string Text);

/// <summary>Every fold, and the figures of all folds' predictions pooled, beside the keyword baseline on the same rows.</summary>
public sealed record CrossValidationResult(IReadOnlyList<CrossValidationFold> Folds, EvaluationReport Pooled, EvaluationReport Baseline)
{
    /// <summary>Every row given the wrong intent, in file order: what to read when deciding what data or rule to add (not in the JSON figures).</summary>
    [JsonIgnore]
    public IReadOnlyList<CrossValidationMiss> Misses { get; init; } = [];
}

/// <summary>
/// Leave-one-dataset-out cross-validation over the real-text sources: each dataset (a source without its split or
/// label-origin suffix) is scored by a model trained on everything else. The test sources take no part at all
/// (neither trained on nor scored), so settings chosen here leave the test split untouched; templated, handwritten
/// and correction rows are always trained on and never scored. Pooled, every intent has hundreds of real rows,
/// so choices do not hang on the handful of billing or pre-sales rows of the dev and test splits.
/// </summary>
public static class SourceCrossValidation
{
    /// <summary>"gplay-top20-app-reviews/curated [nc]" → "gplay-top20-app-reviews".</summary>
    public static string DatasetOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.Replace(" [nc]", string.Empty, StringComparison.Ordinal);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? name : name[..slash];
    }

    /// <summary>Rows scored in some fold: real text from the shared data, not test, not templated, not written here.</summary>
    public static bool IsScored(LabeledExample row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !LabeledDataset.IsTest(row) && !LabeledDataset.IsTemplated(row) && row.Source is not ("handwritten" or "correction");
    }

    /// <summary>
    /// Runs every fold (in parallel, one per core) with the rules file at <paramref name="rulesPath"/> (default: the
    /// shipped rules) and scores with <paramref name="engine"/>'s thresholds (default: the shipped settings).
    /// </summary>
    public static CrossValidationResult Run(
        IReadOnlyList<LabeledExample> rows,
        TrainingOptions training,
        string? rulesPath,
        TriageOptions? engine = null,
        Action<string>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(rows, training, rulesPath is null ? RuleSet.LoadDefault() : RuleSet.Load(rulesPath), engine ?? new TriageOptions(), progress, cancellationToken);

    internal static CrossValidationResult Run(
        IReadOnlyList<LabeledExample> rows,
        TrainingOptions training,
        RuleSet rules,
        TriageOptions engine,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(engine);
        var pool = rows.Where(r => !LabeledDataset.IsTest(r)).ToList();
        var scored = pool.Where(IsScored).ToList();
        var datasets = scored.Select(r => DatasetOf(r.Source)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (datasets.Length < 2)
        {
            throw new InvalidDataException($"Cross-validation needs real-text rows from at least two datasets; found {datasets.Length}.");
        }

        var engines = new ITriageEngine[datasets.Length];
        var done = 0;
        Parallel.For(0, datasets.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, d =>
        {
            var train = pool.Where(r => !IsScored(r) || DatasetOf(r.Source) != datasets[d]).ToList();
            var model = ModelTrainer.Train(train, training, "cv-" + datasets[d], isTemplated: LabeledDataset.IsTemplated, rules: rules);
            engines[d] = TriageEngineFactory.Create(model, rules, engine);
            progress?.Invoke($"fold {Interlocked.Increment(ref done)}/{datasets.Length}: {datasets[d]} trained on {train.Count} rows");
        });

        // Each row is triaged once, by its fold's engine; the per-fold figures reuse those results.
        var foldOf = scored.Select(r => Array.IndexOf(datasets, DatasetOf(r.Source))).ToArray();
        var results = new TriageResult[scored.Count];
        var pooled = TriageEvaluator.Evaluate("engine", scored, (i, request) => results[i] = engines[foldOf[i]].Triage(request));
        var baseline = TriageEvaluator.Evaluate("keywords", new KeywordTriageEngine(), scored);
        var folds = new List<CrossValidationFold>(datasets.Length);
        for (var d = 0; d < datasets.Length; d++)
        {
            var members = Enumerable.Range(0, scored.Count).Where(i => foldOf[i] == d).ToArray();
            var report = TriageEvaluator.Evaluate("engine", [.. members.Select(i => scored[i])], (i, _) => results[members[i]]);
            folds.Add(new CrossValidationFold(datasets[d], members.Length, report.Accuracy, report.MacroF1));
        }

        var misses = Enumerable.Range(0, scored.Count)
            .Where(i => results[i].Intent != scored[i].Intent)
            .Select(i => new CrossValidationMiss(
                scored[i].Id, datasets[foldOf[i]], scored[i].Intent, results[i].Intent, results[i].Confidence,
                results[i].Intent == Intents.Noise && !results[i].NeedsHuman, scored[i].Text))
            .ToList();
        return new CrossValidationResult(folds, pooled, baseline) { Misses = misses };
    }

    /// <summary>Plain-text report: one line per fold, then the pooled figures beside the keyword baseline.</summary>
    public static string Format(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{"dataset left out",-30} {"rows",6} {"accuracy",9} {"macro-F1",9}");
        foreach (var fold in result.Folds)
        {
            sb.AppendLine(inv, $"{fold.Dataset,-30} {fold.Rows,6} {fold.Accuracy,9:0.000} {fold.MacroF1,9:0.000}");
        }

        sb.AppendLine();
        sb.AppendLine("pooled over every fold (each row scored by the model that never saw its dataset):");
        sb.Append(TriageEvaluator.Format(result.Pooled, result.Baseline));
        return sb.ToString();
    }
}
