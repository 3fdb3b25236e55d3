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
        var command = new Command("train", "Train the triage model (reproducible: fixed seed) and print held-out figures.")
        {
            inputs, corrections, output, noHoldout,
        };
        command.SetAction(parseResult =>
        {
            var settings = new TrainSettings(
                parseResult.GetValue(inputs) ?? [],
                parseResult.GetValue(corrections) ?? [],
                parseResult.GetValue(output)!,
                HoldOut: !parseResult.GetValue(noHoldout));
            foreach (var file in settings.Inputs.Concat(settings.Corrections).Where(f => !File.Exists(f)))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"file not found: {file}");
                return 2;
            }

            return TriageTrainer.Run(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }
}
