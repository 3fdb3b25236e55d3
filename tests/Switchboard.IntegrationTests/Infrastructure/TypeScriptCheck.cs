using System.Diagnostics;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// Runs `tsc --noEmit --strict` over a generated .ts file inside one of the tests/js/&lt;area&gt; folders, whose
/// pinned packages (a platform's published types and typescript) the area's install script put there.
/// </summary>
internal static class TypeScriptCheck
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string area, string installScript, string source)
    {
        var root = RepoPaths.InRepo("tests", "js", area);
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"Run {installScript} first: {tsc} is missing.");
        var folder = Path.Combine(root, ".generated-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "payloads.ts");
            await File.WriteAllTextAsync(file, source, TestContext.Current.CancellationToken);
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
