using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>
/// Checks Block Kit payloads against <c>@slack/types</c>: writes a .ts file that assigns each payload to the
/// Block Kit types (object literals, so unknown properties and wrong literal types are errors) and runs
/// <c>tsc --noEmit</c> from tests/js/slack (installed by eng/install/slack.sh).
/// </summary>
internal static class BlockKitTypeCheck
{
    public static string PackageDir => RepoPaths.InRepo("tests", "js", "slack");

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<FakeSlackCall> calls, CancellationToken cancellationToken)
    {
        var tsc = Path.Combine(PackageDir, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), "TypeScript is not installed for the Block Kit check: run eng/install/slack.sh");
        var dir = Path.Combine(PackageDir, "generated", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "payloads.ts"), Source(calls), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(dir, "tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "noEmit": true, "skipLibCheck": true, "types": [],
                    "target": "es2020", "module": "commonjs", "moduleResolution": "node"
                  },
                  "files": ["payloads.ts"]
                }
                """, cancellationToken);
            var start = new ProcessStartInfo("node", [tsc, "-p", Path.Combine(dir, "tsconfig.json")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = PackageDir,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The TypeScript source: one typed constant per message and per modal the bot sent.</summary>
    public static string Source(IEnumerable<FakeSlackCall> calls)
    {
        var source = new StringBuilder("""
            import type { KnownBlock, ModalView } from '@slack/types';

            // The chat.postMessage / chat.update arguments the bot sends.
            interface MessageArgs {
              channel: string;
              text: string;
              ts?: string;
              thread_ts?: string;
              blocks?: KnownBlock[];
              unfurl_links?: boolean;
              unfurl_media?: boolean;
            }

            interface ViewsOpenArgs {
              trigger_id: string;
              view: ModalView;
            }

            """);
        var n = 0;
        foreach (var call in calls)
        {
            var type = call.Method switch
            {
                "chat.postMessage" or "chat.update" => "MessageArgs",
                "views.open" => "ViewsOpenArgs",
                _ => null,
            };
            if (type is not null)
            {
                source.Append($"export const payload{n++}: {type} = ").Append(call.Body.ToJsonString()).AppendLine(";");
            }
        }

        return source.ToString();
    }

    /// <summary>True when at least one payload of each kind was written (so a check cannot pass vacuously).</summary>
    public static bool Covers(IEnumerable<FakeSlackCall> calls, params string[] methods) =>
        methods.All(m => calls.Any(c => c.Method == m && (c.Body["blocks"] is JsonArray || c.Body["view"] is JsonObject)));
}
