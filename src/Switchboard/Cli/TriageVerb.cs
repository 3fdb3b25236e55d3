using System.CommandLine;
using System.Globalization;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Jsonl;

namespace Switchboard.Cli;

/// <summary>`switchboard triage --in F --out F [--model M] [--rules R] [--stats]`: JSONL in, JSONL out.</summary>
internal static class TriageVerb
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "Input JSONL: id, text, optional platform, public, author, ts. Use - for stdin.", Required = true };
        var output = new Option<string>("--out") { Description = "Output JSONL. Use - for stdout.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Switchboard)." };
        var rules = new Option<string?>("--rules") { Description = "Rules file (default: the rules shipped with Switchboard)." };
        var stats = new Option<bool>("--stats") { Description = "Print messages per second to stderr when done." };
        var command = new Command("triage", "Triage messages: intent, severity, confidence, language, personal data, cluster, reasons.")
        {
            input, output, model, rules, stats,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            if (inPath != "-" && !File.Exists(inPath))
            {
                await error.WriteLineAsync($"file not found: {inPath}");
                return 2;
            }

            var engine = TriageEngineFactory.Create(new TriageOptions
            {
                ModelPath = parseResult.GetValue(model),
                RulesPath = parseResult.GetValue(rules),
            });
            await using var inStream = inPath == "-" ? Console.OpenStandardInput() : new FileStream(inPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
            await using var outStream = outPath == "-" ? Console.OpenStandardOutput() : new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
            // The escalation matrix adds the owning team and its approval policy to every line.
            var routing = RoutingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(new RoutingOptions().MatrixPath, AppContext.BaseDirectory),
                ConfigFilePath.Resolve(new RoutingOptions().TeamsPath, AppContext.BaseDirectory));
            var routed = new MatrixTriageEngine(engine, new Router(routing));
            var summary = await new TriageJsonlRunner(routed, routed.WriteOwner).RunAsync(inStream, outStream, error, cancellationToken);
            if (parseResult.GetValue(stats))
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"triaged {summary.Processed} messages ({summary.Failed} failed) in {summary.Elapsed.TotalSeconds:0.000} s: {summary.MessagesPerSecond:0} msg/s"));
            }

            return summary.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
