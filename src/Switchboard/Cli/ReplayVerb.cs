using System.CommandLine;
using Microsoft.Extensions.Options;
using Switchboard.Hosting;
using Switchboard.Replay;

namespace Switchboard.Cli;

internal static class ReplayVerb
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "JSONL file of timestamped messages (id, ts, platform, channel, public, author, text).", Required = true };
        var database = new Option<string?>("--db") { Description = "SQLite file to replay into (default: Switchboard:Storage:SqlitePath, data-local/switchboard.db)." };
        var command = new Command("replay", "Feed a JSONL file of timestamped messages through the whole pipeline against the playground connector, faster than real time, and print a summary.")
        {
            input,
            database,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(input)!;
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"replay: {file.FullName} does not exist.");
                return 2;
            }

            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(database) is { } db)
            {
                overrides["Switchboard:Storage:SqlitePath"] = db;
            }

            try
            {
                await using var services = CommandLineServices.Build(overrides, services => services.AddSingleton(sp => new ReplayClock(FirstTimestamp(file))).AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ReplayClock>()).AddSingleton<ReplayRunner>());
                using var reader = file.OpenText();
                var runner = services.GetRequiredService<ReplayRunner>();
                var progress = new Progress<int>(n => error.WriteLine($"  … {n} lines replayed"));
                var summary = await runner.RunAsync(reader, error, progress, cancellationToken);
                await output.WriteAsync(summary.Render());
                return summary.LinesFailed > 0 ? 1 : 0;
            }
            catch (OptionsValidationException ex)
            {
                await error.WriteLineAsync("replay: the configuration is invalid: " + string.Join("; ", ex.Failures));
                return 2;
            }
        });
        return command;
    }

    private static DateTimeOffset FirstTimestamp(FileInfo file)
    {
        foreach (var line in File.ReadLines(file.FullName))
        {
            if (ReplayRunner.Parse(line).Message is { } message)
            {
                return message.SentAt;
            }
        }

        return DateTimeOffset.UnixEpoch;
    }
}
