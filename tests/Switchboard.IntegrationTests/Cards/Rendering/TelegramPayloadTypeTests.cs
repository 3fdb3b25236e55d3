using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cards.Rendering;

/// <summary>
/// Every card template rendered for Telegram (by the real `card render` verb) is type-checked against
/// @grammyjs/types: the payload must be a valid sendMessage request apart from chat_id (tsc --noEmit, strict,
/// object literals so unknown properties are errors too). tests/js/telegram is installed by eng/install/telegram.sh.
/// </summary>
public sealed class TelegramPayloadTypeTests
{
    private static IEnumerable<string> Samples() =>
        Directory.GetFiles(RepoPaths.InRepo("cards", "samples"), "*.data.json").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [Fact]
    public async Task Render_EveryTemplateAndSample_IsATelegramSendMessageRequest()
    {
        var payloads = new List<(string Name, JsonNode Payload)>();
        foreach (var sample in Samples())
        {
            var template = RepoPaths.InRepo("cards", sample.Split('.')[0] + ".json");
            var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "card", "render", "--template", template, "--data", RepoPaths.InRepo("cards", "samples", sample), "--surface", "telegram");
            Assert.True(result.ExitCode == 0, sample + ": " + result.Error);
            payloads.Add((sample, JsonNode.Parse(result.Output)!));
        }

        var (exitCode, output) = await CheckAsync(payloads.Select(p => p.Payload));

        Assert.True(exitCode == 0, output);
        Assert.Contains(payloads, p => p.Payload["reply_markup"]?["inline_keyboard"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public async Task Check_PayloadWithAnUnknownField_IsRejected()
    {
        var bad = JsonNode.Parse("""{"text":"x","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"Approve","callback_datum":"sb:t"}]]}}""")!;

        var (exitCode, output) = await CheckAsync([bad]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("callback_datum", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(IEnumerable<JsonNode> payloads)
    {
        var root = RepoPaths.InRepo("tests", "js", "telegram");
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "Run eng/install/telegram.sh first: " + tsc + " is missing.");
        var folder = Path.Combine(root, ".generated-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var source = new StringBuilder("import type { ApiMethods } from '@grammyjs/types';\n")
                .Append("type SendMessage = Omit<Parameters<ApiMethods<never>['sendMessage']>[0], 'chat_id'>;\n");
            var i = 0;
            foreach (var payload in payloads)
            {
                source.Append($"export const p{i++}: SendMessage = {payload.ToJsonString()};\n");
            }

            var file = Path.Combine(folder, "payloads.ts");
            await File.WriteAllTextAsync(file, source.ToString(), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo("node", [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", file])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
            return (process.ExitCode, await output + await error + "\n--- generated ---\n" + source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
