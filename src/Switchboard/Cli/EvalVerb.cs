using System.CommandLine;
using System.Text.Json;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Evaluation;

namespace Switchboard.Cli;

/// <summary>`switchboard eval --in labeled.jsonl [--json] [--model M] [--rules R] [--split all|heldout|dev|test]`.</summary>
internal static class EvalVerb
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "Labeled JSONL (id, text, intent, severity, source).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Switchboard)." };
        var rules = new Option<string?>("--rules") { Description = "Rules file (default: the rules shipped with Switchboard)." };
        var thresholds = new EngineThresholdOptions();
        var split = new Option<string>("--split") { Description = "Rows to score: all (default), heldout, dev or test (by source; see docs/triage.md).", DefaultValueFactory = _ => "all" };
        var command = new Command("eval", "Score triage on labeled messages: per-intent P/R/F1, macro-F1, confusion, severity, noise, beside the keyword baseline.")
        {
            input, json, model, rules, split,
        };
        thresholds.AddTo(command);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(input)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"file not found: {path}");
                return 2;
            }

            var problems = new List<string>();
            var rows = LabeledDataset.Read(path, problems);
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            rows = LabeledDataset.Select(rows, parseResult.GetValue(split) ?? "all");
            var settings = thresholds.ApplyTo(new TriageOptions { ModelPath = parseResult.GetValue(model), RulesPath = parseResult.GetValue(rules) }, parseResult);
            var engine = TriageEngineFactory.Create(settings);
            var report = TriageEvaluator.Evaluate("engine", engine, rows);
            var baseline = TriageEvaluator.Evaluate("keywords", new KeywordTriageEngine(), rows);
            output.WriteLine(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(new { engine = report, baseline, badRows = problems.Count }, JsonOptions)
                : TriageEvaluator.Format(report, baseline));
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
