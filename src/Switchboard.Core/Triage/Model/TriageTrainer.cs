using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Core.Triage.Evaluation;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage.Model;

/// <summary>What `switchboard train` was asked to do.</summary>
/// <param name="Inputs">Labeled JSONL files (training data, handwritten rows).</param>
/// <param name="Corrections">Reviewer corrections (Retag) as labeled JSONL; always trained on, never held out.</param>
/// <param name="Output">Where the model file goes.</param>
/// <param name="HoldOut">Keep <see cref="LabeledDataset.HeldOutSources"/> out of training and report figures on them.</param>
public sealed record TrainSettings(IReadOnlyList<string> Inputs, IReadOnlyList<string> Corrections, string Output, bool HoldOut = true)
{
    public TrainingOptions Training { get; init; } = new();

    /// <summary>Rules file whose rule matches become model features (default: the shipped rules).</summary>
    public string? RulesPath { get; init; }
}

/// <summary>Runs training end to end: read, split by source, train, save, report held-out figures.</summary>
public static class TriageTrainer
{
    public static int Run(TrainSettings settings, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var rows = ReadRows(settings.Inputs, settings.Corrections, errors);
        var train = settings.HoldOut ? rows.Where(r => !LabeledDataset.IsHeldOut(r) || r.Source == "correction").ToList() : rows;
        var heldOut = settings.HoldOut ? rows.Where(r => LabeledDataset.IsHeldOut(r) && r.Source != "correction").ToList() : [];
        if (train.Count == 0)
        {
            errors.WriteLine("no training rows");
            return 1;
        }

        var rules = settings.RulesPath is null ? RuleSet.LoadDefault() : RuleSet.Load(settings.RulesPath);
        var version = VersionOf(train, $"{rules.Version}:{rules.Fingerprint}|{settings.Training}");
        output.WriteLine($"read {rows.Count} rows; training on {train.Count}, holding out {heldOut.Count} (sources: {(settings.HoldOut ? string.Join(", ", LabeledDataset.HeldOutSources) : "none")})");
        foreach (var group in train.GroupBy(r => r.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key,-16} {group.Count(),6}");
        }

        var clock = Stopwatch.StartNew();
        var model = ModelTrainer.Train(train, settings.Training, version, line => output.WriteLine("  " + line), LabeledDataset.IsTemplated, rules);
        model.Save(settings.Output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {version}: trained in {clock.Elapsed.TotalSeconds:0.0} s, saved to {settings.Output} ({new FileInfo(settings.Output).Length / 1024.0:0} KiB)"));

        foreach (var (split, title) in new[] { ("dev", "dev split (held out, used to choose settings)"), ("test", "test split (held out, never used to choose anything)") })
        {
            var rowsOfSplit = LabeledDataset.Select(heldOut, split);
            if (rowsOfSplit.Count == 0)
            {
                continue;
            }

            var engine = TriageEngineFactory.Create(LinearModel.Load(settings.Output), rules, new TriageOptions());
            var report = TriageEvaluator.Evaluate("engine", engine, rowsOfSplit);
            var baseline = TriageEvaluator.Evaluate("keywords", new KeywordTriageEngine(), rowsOfSplit);
            output.WriteLine();
            output.WriteLine($"{title}: {string.Join(", ", split == "dev" ? LabeledDataset.DevSources : LabeledDataset.TestSources)}");
            output.WriteLine(TriageEvaluator.Format(report, baseline));
        }

        return 0;
    }

    /// <summary>Reads labeled files and reviewer corrections (source "correction"); every bad row is reported as "file:line: why".</summary>
    public static List<LabeledExample> ReadRows(IReadOnlyList<string> inputs, IReadOnlyList<string> corrections, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(errors);
        var problems = new List<string>();
        var rows = new List<LabeledExample>();
        foreach (var input in inputs)
        {
            rows.AddRange(LabeledDataset.Read(input, problems));
        }

        foreach (var file in corrections)
        {
            rows.AddRange(LabeledDataset.Read(file, problems, defaultSource: "correction").Select(r => r with { Source = "correction" }));
        }

        foreach (var problem in problems)
        {
            errors.WriteLine(problem);
        }

        return rows;
    }

    /// <summary>
    /// "triage-lr-" plus a digest of the training rows, the rules version and the hyper-parameters: the same
    /// inputs give the same version (and the same file), and any change gives a new one.
    /// </summary>
    private static string VersionOf(IReadOnlyList<LabeledExample> rows, string settings)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(settings + "\n"));
        foreach (var row in rows)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(row.Intent + "\t" + row.Text + "\n"));
        }

        return "triage-lr-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..10];
    }
}
