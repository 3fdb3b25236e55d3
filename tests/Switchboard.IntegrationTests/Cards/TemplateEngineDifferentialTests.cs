using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Templating;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cards;

/// <summary>
/// The differential test: every template in cards/ with every sample data file, expanded by the C# engine and
/// by npm adaptivecards-templating 2.3.1, must give identical JSON, and every expanded card must parse in npm
/// adaptivecards 3.0.6 with no parse and no validation events.
/// </summary>
public sealed class TemplateEngineDifferentialTests : IDisposable
{
    private readonly string _outFolder = Path.Combine(Path.GetTempPath(), $"switchboard-cards-{Guid.NewGuid():N}");

    public TemplateEngineDifferentialTests()
    {
        Directory.CreateDirectory(_outFolder);
    }

    [Fact]
    public void Samples_EveryTemplate_HasSeveralDataFilesAndTheMainOne()
    {
        var templates = CardSamples.TemplateNames;

        Assert.Equal(["checklist", "factsheet", "incident", "kpi", "retro", "review", "sla"], templates);
        foreach (var name in templates)
        {
            var samples = CardSamples.DataFiles(name).Select(Path.GetFileName).ToList();
            Assert.Contains($"{name}.data.json", samples);
            Assert.True(samples.Count >= 2, $"{name} has only {samples.Count} sample data file(s).");
        }

        Assert.Contains("review.outcome.data.json", CardSamples.DataFiles("review").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Expand_EveryTemplateWithEveryDataFile_MatchesNpmAndParsesCleanly()
    {
        var pairs = new JsonArray();
        var cards = new JsonArray();
        foreach (var (_, template, data) in CardSamples.Pairs())
        {
            var expanded = TemplateEngine.Expand(CardSamples.Read(template), CardSamples.Read(data));
            var actual = Path.Combine(_outFolder, Path.GetFileName(data).Replace(".data.json", ".card.json", StringComparison.Ordinal));
            await File.WriteAllTextAsync(actual, expanded?.ToJsonString() ?? "null", TestContext.Current.CancellationToken);
            pairs.Add(new JsonObject { ["template"] = template, ["data"] = data, ["actual"] = actual });
            cards.Add(actual);
        }

        var report = await NodeOracle.RunOracleAsync(new JsonObject { ["pairs"] = pairs, ["cards"] = cards }, TestContext.Current.CancellationToken);

        var problems = new List<string>();
        foreach (var pair in report["pairs"]!.AsArray().OfType<JsonObject>())
        {
            var name = Path.GetFileName((string)pair["data"]!);
            if (pair["error"] is { } error)
            {
                problems.Add($"{name}: npm failed: {error}");
                continue;
            }

            if (pair["identical"]?.GetValue<bool>() != true)
            {
                problems.Add($"{name}: C# and npm differ.\n  npm: {pair["expected"]}\n  C#:  {pair["actual"]}");
            }

            AddEvents(problems, name + " (npm expansion)", pair["events"]);
        }

        foreach (var card in report["cards"]!.AsArray().OfType<JsonObject>())
        {
            AddEvents(problems, Path.GetFileName((string)card["file"]!), card["events"], card["error"]);
        }

        Assert.True(report["pairs"]!.AsArray().Count >= 12, "Too few template/data pairs were checked.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Expand_QuirksTemplate_MatchesNpmExactly()
    {
        var folder = RepoPaths.InRepo("tests", "Switchboard.IntegrationTests", "Cards", "Quirks");
        var template = Path.Combine(folder, "quirks.json");
        var data = Path.Combine(folder, "quirks.data.json");
        var actual = Path.Combine(_outFolder, "quirks.out.json");
        await File.WriteAllTextAsync(actual, TemplateEngine.Expand(CardSamples.Read(template), CardSamples.Read(data))!.ToJsonString(), TestContext.Current.CancellationToken);

        var report = await NodeOracle.RunOracleAsync(
            new JsonObject { ["pairs"] = new JsonArray(new JsonObject { ["template"] = template, ["data"] = data, ["actual"] = actual }) },
            TestContext.Current.CancellationToken);

        var pair = report["pairs"]![0]!;
        Assert.Null(pair["error"]);
        Assert.Equal((string?)pair["expected"], (string?)pair["actual"]);
    }

    public void Dispose() => Directory.Delete(_outFolder, recursive: true);

    private static void AddEvents(List<string> problems, string name, JsonNode? events, JsonNode? error = null)
    {
        if (error is not null)
        {
            problems.Add($"{name}: adaptivecards failed to parse: {error}");
        }

        foreach (var e in events?.AsArray() ?? [])
        {
            problems.Add($"{name}: {e!["phase"]} event {e["event"]}: {e["message"]}");
        }
    }
}
