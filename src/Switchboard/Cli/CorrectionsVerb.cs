using System.CommandLine;
using System.Text.Json;
using Switchboard.Core.Storage;
using Switchboard.Hosting;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard corrections export</c>: every reviewer Retag becomes a labeled example (the message text and the
/// intent the reviewer chose), as JSONL that <c>switchboard train --corrections F</c> reads, so the model learns from the team.
/// </summary>
internal static class CorrectionsVerb
{
    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "SQLite file (default: Switchboard:Storage:SqlitePath)." };
        var output = new Option<FileInfo>("--out") { Description = "JSONL file to write (id, text, intent, source).", Required = true };
        var export = new Command("export", "Write reviewer retags as labeled training examples for `train --corrections`.") { database, output };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = parseResult.GetValue(database) is { } db ? new Dictionary<string, string?> { ["Switchboard:Storage:SqlitePath"] = db } : new Dictionary<string, string?>();
            await using var services = CommandLineServices.Build(overrides);
            var cases = services.GetRequiredService<ICaseStore>();
            var messages = services.GetRequiredService<IMessageStore>();
            var file = parseResult.GetValue(output)!;
            var written = 0;
            await using (var writer = file.CreateText())
            {
                foreach (var c in await cases.ListAsync(new CaseQuery(Limit: int.MaxValue), cancellationToken))
                {
                    foreach (var retag in (await cases.GetEventsAsync(c.Id, cancellationToken)).Where(e => e.Kind == "review.retagged" && e.Detail is not null))
                    {
                        using var detail = JsonDocument.Parse(retag.Detail!);
                        var intent = detail.RootElement.TryGetProperty("to", out var to) ? to.GetString() : null;
                        var messageId = detail.RootElement.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : (long?)null;
                        var message = messageId is { } id ? await messages.GetAsync(id, cancellationToken) : null;
                        if (intent is null || message is null || string.IsNullOrWhiteSpace(message.EffectiveText))
                        {
                            continue;
                        }

                        await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = $"correction-{retag.Id}", text = message.EffectiveText, intent, source = "correction" }));
                        written++;
                    }
                }
            }

            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"exported {written} reviewer corrections to {file.FullName}");
            return 0;
        });
        return new Command("corrections", "Reviewer corrections (Retag) as training data.") { export };
    }
}
