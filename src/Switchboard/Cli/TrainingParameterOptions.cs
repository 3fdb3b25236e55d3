using System.CommandLine;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Cli;

/// <summary>The training inputs and hyper-parameters that `train` and `crossval` share, so both read them the same way.</summary>
internal sealed class TrainingParameterOptions
{
    private readonly Option<string[]> inputs = new("--in") { Description = "Labeled JSONL files (id, text, intent, severity, source).", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> corrections = new("--corrections") { Description = "Reviewer corrections (Retag) as labeled JSONL; always trained on." };
    private readonly Option<int?> epochs = new("--epochs") { Description = "Passes over the data (default 14)." };
    private readonly Option<float?> l2 = new("--l2") { Description = "L2 penalty per step (default 2e-6)." };
    private readonly Option<float?> balance = new("--class-balance") { Description = "Class weight exponent: 0 none, 1 fully balanced (default 0.5)." };
    private readonly Option<float?> templated = new("--templated-weight") { Description = "Weight of banking77/CLINC150/Bitext rows (default 0.5)." };
    private readonly Option<int?> bits = new("--bucket-bits") { Description = "log2 of the hashed feature buckets (default 16)." };
    private readonly Option<string?> rules = new("--rules") { Description = "Rules file whose matches become model features (default: the shipped rules)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { inputs, corrections, epochs, l2, balance, templated, bits, rules })
        {
            command.Options.Add(option);
        }
    }

    public IReadOnlyList<string> Inputs(ParseResult parseResult) => parseResult.GetValue(inputs) ?? [];

    public IReadOnlyList<string> Corrections(ParseResult parseResult) => parseResult.GetValue(corrections) ?? [];

    public string? RulesPath(ParseResult parseResult) => parseResult.GetValue(rules);

    public TrainingOptions Training(ParseResult parseResult)
    {
        var defaults = new TrainingOptions();
        return defaults with
        {
            Epochs = parseResult.GetValue(epochs) ?? defaults.Epochs,
            L2 = parseResult.GetValue(l2) ?? defaults.L2,
            ClassBalancePower = parseResult.GetValue(balance) ?? defaults.ClassBalancePower,
            TemplatedWeight = parseResult.GetValue(templated) ?? defaults.TemplatedWeight,
            BucketBits = parseResult.GetValue(bits) ?? defaults.BucketBits,
        };
    }

    /// <summary>Writes "file not found: …" for each missing input and returns false when any is missing.</summary>
    public bool FilesExist(ParseResult parseResult)
    {
        var missing = Inputs(parseResult).Concat(Corrections(parseResult)).Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"file not found: {file}");
        }

        return missing.Count == 0;
    }
}
