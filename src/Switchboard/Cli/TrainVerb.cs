using System.CommandLine;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Cli;

/// <summary>`switchboard train --in F [--in F2 …] [--corrections F] --out MODEL [--no-holdout]`.</summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var parameters = new TrainingParameterOptions();
        var output = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var noHoldout = new Option<bool>("--no-holdout") { Description = "Train on every row, held-out sources included (no held-out figures)." };
        var command = new Command("train", "Train the triage model (reproducible: fixed seed) and print held-out figures.") { output, noHoldout };
        parameters.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!parameters.FilesExist(parseResult))
            {
                return 2;
            }

            var settings = new TrainSettings(parameters.Inputs(parseResult), parameters.Corrections(parseResult), parseResult.GetValue(output)!, HoldOut: !parseResult.GetValue(noHoldout))
            {
                RulesPath = parameters.RulesPath(parseResult),
                Training = parameters.Training(parseResult),
            };
            return TriageTrainer.Run(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }
}
