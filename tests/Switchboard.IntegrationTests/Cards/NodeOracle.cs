using System.Diagnostics;
using System.Text.Json.Nodes;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cards;

/// <summary>
/// Runs the npm reference tools in tests/js/cards (installed by eng/install/cards.sh) through node, with a timeout.
/// </summary>
internal static class NodeOracle
{
    public static string Folder => RepoPaths.InRepo("tests", "js", "cards");

    /// <summary>Runs oracle.js over a job (see the script's header) and returns its JSON report.</summary>
    public static async Task<JsonObject> RunOracleAsync(JsonObject job, CancellationToken cancellationToken)
    {
        var jobFile = Path.Combine(Path.GetTempPath(), $"switchboard-cards-job-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(jobFile, job.ToJsonString(), cancellationToken);
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(["oracle.js", jobFile], cancellationToken);
            Assert.True(exitCode == 0, $"oracle.js failed ({exitCode}): {stderr}");
            return JsonNode.Parse(stdout)?.AsObject() ?? throw new InvalidOperationException("oracle.js printed nothing.");
        }
        finally
        {
            File.Delete(jobFile);
        }
    }

    /// <summary>Runs node with <paramref name="arguments"/> in tests/js/cards; fails the test when the npm install is missing.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Assert.True(
            Directory.Exists(Path.Combine(Folder, "node_modules", "adaptivecards-templating")),
            "npm packages for the card tests are missing: run `bash eng/install/cards.sh` first.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
