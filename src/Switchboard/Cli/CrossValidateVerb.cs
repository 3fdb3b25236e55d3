using System.CommandLine;
using System.Text.Json;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Evaluation;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Cli;

/// <summary>`switchboard crossval --in F [--in F2 …] [hyper-parameters] [--json]`: leave-one-dataset-out figures for choosing settings.</summary>
internal static class CrossValidateVerb
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly JsonSerializerOptions LineOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var parameters = new TrainingParameterOptions();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var misses = new Option<string?>("--misses") { Description = "Write every wrongly tagged row (id, dataset, gold, predicted, confidence, filtered, text) to this JSONL file." };
        var command = new Command(
            "crossval",
            "Leave-one-dataset-out cross-validation over the real-text sources (test sources excluded): pooled per-intent figures for choosing training settings without touching the test split.")
        {
            json, misses,
        };
        parameters.AddTo(command);
        var thresholds = new EngineThresholdOptions();
        thresholds.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            if (!parameters.FilesExist(parseResult))
            {
                return Task.FromResult(2);
            }

            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var rows = TriageTrainer.ReadRows(parameters.Inputs(parseResult), parameters.Corrections(parseResult), error);
            var gate = new Lock();
            try
            {
                // Folds train in parallel; their progress lines must not interleave.
                var result = SourceCrossValidation.Run(rows, parameters.Training(parseResult), parameters.RulesPath(parseResult), thresholds.ApplyTo(new TriageOptions(), parseResult), line => { lock (gate) { error.WriteLine(line); } }, cancellationToken);
                if (parseResult.GetValue(misses) is { } missesPath)
                {
                    File.WriteAllLines(missesPath, result.Misses.Select(m => JsonSerializer.Serialize(m, LineOptions)));
                }

                output.WriteLine(parseResult.GetValue(json)
                    ? JsonSerializer.Serialize(result, JsonOptions)
                    : SourceCrossValidation.Format(result));
                return Task.FromResult(0);
            }
            catch (InvalidDataException e)
            {
                error.WriteLine(e.Message);
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
