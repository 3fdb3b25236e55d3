using System.CommandLine;
using System.Text.Json;
using Switchboard.Cli;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Triage;

/// <summary>The train, eval and triage verbs end to end, on real files in a temporary folder.</summary>
public sealed class TriageVerbsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("switchboard-triage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exit = await SwitchboardCommandLine.Build([]).Parse(args).InvokeAsync(configuration, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Triage_FileWithBadLine_WritesResultsAndFailsWithLineNumber()
    {
        var input = Path.Combine(folder, "in.jsonl");
        var output = Path.Combine(folder, "out.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"1","text":"@brand is the site down? checkout won't load","platform":"discord","ts":"2026-11-22T09:00:00Z"}""",
            """{"id":"2","text":"oops""",
            """{"id":"3","text":"my lawyer will hear about this","public":true}""",
        ], TestContext.Current.CancellationToken);

        var (exit, _, error) = await RunAsync("triage", "--in", input, "--out", output, "--stats");

        Assert.Equal(1, exit);
        Assert.Contains("line 2:", error, StringComparison.Ordinal);
        Assert.Contains("msg/s", error, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["1", "3"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("reputation_risk", lines[1].GetProperty("intent").GetString());
        Assert.Equal("critical", lines[1].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Triage_AllGood_ExitsZero()
    {
        var input = Path.Combine(folder, "in.jsonl");
        var output = Path.Combine(folder, "out.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id":"1","text":"love the new app"}"""], TestContext.Current.CancellationToken);

        var (exit, _, error) = await RunAsync("triage", "--in", input, "--out", output);

        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task TrainThenEval_SmallFiles_WritesModelAndPrintsFigures()
    {
        var data = Path.Combine(folder, "train.jsonl");
        var model = Path.Combine(folder, "model.bin");
        var rows = new List<string>();
        string[] billing = ["refund my money", "charged twice", "i want a refund", "double charge on card"];
        string[] outage = ["site is down", "app down for everyone", "is the server down", "website down again"];
        foreach (var (text, i) in billing.Select((t, i) => (t, i)))
        {
            rows.Add(JsonSerializer.Serialize(new { id = $"b{i}", text, intent = "billing", severity = "normal", source = "unit" }));
        }

        foreach (var (text, i) in outage.Select((t, i) => (t, i)))
        {
            rows.Add(JsonSerializer.Serialize(new { id = $"o{i}", text, intent = "outage", severity = "high", source = "unit" }));
        }

        await File.WriteAllLinesAsync(data, rows, TestContext.Current.CancellationToken);

        var train = await RunAsync("train", "--in", data, "--out", model, "--epochs", "5");
        Assert.True(train.Exit == 0, train.Error);
        Assert.Contains("epoch 5/5", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(model));

        var eval = await RunAsync("eval", "--in", data, "--model", model, "--json");
        Assert.True(eval.Exit == 0, eval.Error);
        using var report = JsonDocument.Parse(eval.Output);
        Assert.Equal(8, report.RootElement.GetProperty("engine").GetProperty("rows").GetInt32());
        Assert.True(report.RootElement.GetProperty("baseline").TryGetProperty("macroF1", out _));
    }

    [Fact]
    public async Task CrossValidate_TwoDatasets_PrintsFoldsAndWritesMisses()
    {
        var data = Path.Combine(folder, "labeled.jsonl");
        var misses = Path.Combine(folder, "misses.jsonl");
        var rows = new List<string>();
        foreach (var (source, intent, text) in new[]
        {
            ("alpha/curated", "billing", "charged twice please refund"),
            ("alpha/curated", "promo_campaign", "zqxj plorb"),
            ("beta", "outage", "site down again for everyone"),
            ("handwritten", "billing", "refund my card charge"),
            ("handwritten", "outage", "is the server down"),
        })
        {
            rows.AddRange(Enumerable.Range(0, 5).Select(i => JsonSerializer.Serialize(new { id = $"{source}-{intent}-{i}", text = $"{text} {i}", intent, severity = "normal", source })));
        }

        await File.WriteAllLinesAsync(data, rows, TestContext.Current.CancellationToken);

        var (exit, output, error) = await RunAsync("crossval", "--in", data, "--epochs", "4", "--misses", misses);

        Assert.True(exit == 0, error);
        Assert.Contains("fold 2/2", error, StringComparison.Ordinal);
        Assert.Contains("pooled over every fold", output, StringComparison.Ordinal);
        // Only alpha teaches promo_campaign ("zqxj plorb", words no rule knows), so its rows are misses when alpha is left out.
        var missed = (await File.ReadAllLinesAsync(misses, TestContext.Current.CancellationToken)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, missed.Count(m => m.GetProperty("gold").GetString() == "promo_campaign"));
        Assert.All(missed, m => Assert.Equal("alpha", m.GetProperty("dataset").GetString()));
    }

    [Fact]
    public async Task CrossValidate_MissingFile_ExitsTwoNamingIt()
    {
        var (exit, _, error) = await RunAsync("crossval", "--in", Path.Combine(folder, "absent.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains("absent.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_ShippedModelOnHandwrittenRows_PrintsSideBySideTable()
    {
        var (exit, output, error) = await RunAsync("eval", "--in", RepoPaths.InRepo("data", "handwritten", "community-chatter.jsonl"));

        Assert.True(exit == 0, error);
        Assert.Contains("keywords", output, StringComparison.Ordinal);
        Assert.Contains("noise precision", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SameInputTwice_GivesIdenticalModelFiles()
    {
        var data = Path.Combine(folder, "train.jsonl");
        await File.WriteAllLinesAsync(data,
        [
            """{"id":"1","text":"refund please","intent":"billing","source":"u"}""",
            """{"id":"2","text":"site is down","intent":"outage","source":"u"}""",
        ], TestContext.Current.CancellationToken);

        await RunAsync("train", "--in", data, "--out", Path.Combine(folder, "a.bin"), "--epochs", "3");
        await RunAsync("train", "--in", data, "--out", Path.Combine(folder, "b.bin"), "--epochs", "3");

        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(folder, "a.bin"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(Path.Combine(folder, "b.bin"), TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The committed models are what the documented commands produce (docs/triage.md): the shipped model from every
    /// row, the held-out one (which the published figures are measured on) without the dev and test sources.
    /// </summary>
    [Theory]
    [InlineData("triage-model.bin", true)]
    [InlineData("triage-model.heldout.bin", false)]
    public async Task Train_DocumentedCommand_ReproducesTheCommittedModel(string file, bool everyRow)
    {
        var args = new List<string> { "train", "--in", RepoPaths.InShared("data", "triage-train.jsonl") };
        foreach (var handwritten in Directory.GetFiles(RepoPaths.InRepo("data", "handwritten"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            args.AddRange(["--in", handwritten]);
        }

        var produced = Path.Combine(folder, file);
        args.AddRange(["--out", produced]);
        if (everyRow)
        {
            args.Add("--no-holdout");
        }

        var train = await RunAsync([.. args]);

        Assert.True(train.Exit == 0, train.Error);
        var committed = await File.ReadAllBytesAsync(RepoPaths.InRepo("models", file), TestContext.Current.CancellationToken);
        var retrained = await File.ReadAllBytesAsync(produced, TestContext.Current.CancellationToken);
        Assert.True(committed.SequenceEqual(retrained), $"models/{file} is not what the documented train command produces; retrain it (docs/triage.md)");
    }
}
