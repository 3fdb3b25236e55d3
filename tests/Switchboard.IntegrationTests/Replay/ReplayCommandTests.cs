using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Replay;

/// <summary>The replay verb as a user runs it: the real executable, the sample file, a database file.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Replay_LaunchDaySampleTwice_SummaryThenNoDuplicateCases()
    {
        var db = _folder.File("replay.db");
        var sample = RepoPaths.InRepo("samples", "launch-day.jsonl");

        var first = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(3), "replay", "--in", sample, "--db", db);
        var second = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(3), "replay", "--in", sample, "--db", db);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Replay summary", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"cases opened\s+[1-9]\d+", first.Output);
        Assert.Contains("drafts awaiting approval", first.Output, StringComparison.Ordinal);
        Assert.Contains("SLA breaches", first.Output, StringComparison.Ordinal);
        Assert.Contains("by owner team", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"cases opened\s+0\b", second.Output);
        Assert.Matches(@"messages stored\s+0 \(342 already stored", second.Output);
    }

    [Fact]
    public async Task Replay_OutageBurst_EarlierReportsFoldedIntoTheOneIncident()
    {
        // Six reports in three minutes: the fifth opens the incident and folds the first four into it, the sixth joins.
        var input = _folder.File("burst.jsonl");
        await File.WriteAllLinesAsync(
            input,
            Enumerable.Range(0, 6).Select(i =>
                $$"""{"id":"b{{i}}","ts":"2026-11-20T09:0{{i / 2}}:{{(i % 2) * 30:00}}Z","platform":"telegram","channel":"tg-community","public":true,"author":"fan{{i}}","text":"the app is down for me, nothing loads at all since this morning"}"""),
            TestContext.Current.CancellationToken);

        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(2), "replay", "--in", input, "--db", _folder.File("burst.db"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"incident clusters\s+1 \(6 cases in them\)", result.Output);
        Assert.Matches(@"review cards posted\s+5 \(4 closed when their reports were folded into an incident\)", result.Output);
    }

    [Fact]
    public async Task Replay_MalformedLines_ReportedByLineNumberRestProcessedExitCodeOne()
    {
        var input = _folder.File("bad.jsonl");
        await File.WriteAllLinesAsync(
            input,
            [
                """{"id":"a1","ts":"2026-11-20T09:00:00Z","platform":"telegram","channel":"tg-community","public":true,"author":"ana","text":"where is my order?"}""",
                """{"id":"a2","ts":"2026-11-20T09:01:00Z",""",
                """{"id":"a3","platform":"x","author":"bo","text":"no timestamp"}""",
                """{"id":"a4","ts":"2026-11-20T09:02:00Z","platform":"x","channel":"x-mentions","public":true,"author":"cy","text":"love the new app!"}""",
            ],
            TestContext.Current.CancellationToken);

        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(2), "replay", "--in", input, "--db", _folder.File("bad.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 3: missing ts", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"messages stored\s+2 ", result.Output);
    }

    [Fact]
    public async Task Replay_MissingFile_ClearErrorExitCodeTwo()
    {
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "replay", "--in", _folder.File("nope.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }
}
