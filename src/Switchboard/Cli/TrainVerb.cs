using System.CommandLine;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Cli;

/// <summary>`switchboard train --in F [--in F2 …] [--corrections F] --out MODEL [--no-holdout]`.</summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var inputs = new Option<string[]>("--in") { Description = "Labeled JSONL files (id, text, intent, severity, source).", Required = true, AllowMultipleArgumentsPerToken = true };
        var corrections = new Option<string[]>("--corrections") { Description = "Reviewer corrections (Retag) as labeled JSONL; always trained on." };
        var output = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var noHoldout = new Option<bool>("--no-holdout") { Description = "Train on every row, held-out sources included (no held-out figures)." };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the data (default 14)." };
        var l2 = new Option<float?>("--l2") { Description = "L2 penalty per step (default 2e-6)." };
        var balance = new Option<float?>("--class-balance") { Description = "Class weight exponent: 0 none, 1 fully balanced (default 0.5)." };
        var templated = new Option<float?>("--templated-weight") { Description = "Weight of banking77/CLINC150/Bitext rows (default 0.5)." };
        var rules = new Option<string?>("--rules") { Description = "Rules file whose matches become model features (default: the shipped rules)." };
        var bits = new Option<int?>("--bucket-bits") { Description = "log2 of the hashed feature buckets (default 16)." };
        var command = new Command("train", "Train the triage model (reproducible: fixed seed) and print held-out figures.")
        {
            inputs, corrections, output, noHoldout, epochs, l2, balance, templated, bits, rules,
        };
        command.SetAction(parseResult =>
        {
            var settings = new TrainSettings(
                parseResult.GetValue(inputs) ?? [],
                parseResult.GetValue(corrections) ?? [],
                parseResult.GetValue(output)!,
                HoldOut: !parseResult.GetValue(noHoldout))
            {
                RulesPath = parseResult.GetValue(rules),
                Training = Apply(new TrainingOptions(), parseResult.GetValue(epochs), parseResult.GetValue(l2), parseResult.GetValue(balance), parseResult.GetValue(templated)) with { BucketBits = parseResult.GetValue(bits) ?? new TrainingOptions().BucketBits },
            };
            foreach (var file in settings.Inputs.Concat(settings.Corrections).Where(f => !File.Exists(f)))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"file not found: {file}");
                return 2;
            }

            return TriageTrainer.Run(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    private static TrainingOptions Apply(TrainingOptions options, int? epochs, float? l2, float? balance, float? templated) => options with
    {
        Epochs = epochs ?? options.Epochs,
        L2 = l2 ?? options.L2,
        ClassBalancePower = balance ?? options.ClassBalancePower,
        TemplatedWeight = templated ?? options.TemplatedWeight,
    };
}
