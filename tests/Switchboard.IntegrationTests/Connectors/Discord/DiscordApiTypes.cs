using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>
/// Type-checks JSON the bot sent against discord-api-types (tests/js/discord, installed by eng/install/discord.sh):
/// each payload becomes a typed object literal in a generated .ts file, and `tsc --noEmit` reports any property
/// Discord's types do not have, a missing required one, or a wrong value type.
/// </summary>
internal static class DiscordApiTypes
{
    public static async Task<(int ExitCode, string Output)> CheckAsync(IEnumerable<(string TypeName, JsonNode Payload)> payloads)
    {
        var root = RepoPaths.InRepo("tests", "js", "discord");
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "Run eng/install/discord.sh first: " + tsc + " is missing.");
        var folder = Path.Combine(root, ".generated-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var source = new StringBuilder("import type * as D from 'discord-api-types/v10';\n");
            var i = 0;
            foreach (var (type, payload) in payloads)
            {
                source.Append($"export const p{i++}: D.{type} = {payload.ToJsonString()};\n");
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
