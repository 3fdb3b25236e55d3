using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Rendering.Discord;
using Switchboard.Core.Cards.Templating;
using Switchboard.Core.Connectors;

namespace Switchboard.Benchmarks.Cards;

/// <summary>
/// The cost of one review card: expanding the template, composing it (expand + size check), and rendering it for
/// Discord. <c>dotnet run -c Release --project bench/Switchboard.Benchmarks -- --filter '*CardComposer*'</c>
/// </summary>
[MemoryDiagnoser]
public class CardComposerBenchmarks
{
    private CardComposer _composer = null!;
    private JsonObject _template = null!;
    private JsonObject _data = null!;
    private CardPayload _payload = null!;
    private DiscordCardRenderer _discord = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = FindCardsFolder();
        var options = Options.Create(new CardsOptions { TemplatesPath = folder });
        _composer = new CardComposer(new CardTemplates(options), options, NullLogger<CardComposer>.Instance);
        _template = CardTemplates.LoadFile(Path.Combine(folder, "review.json"));
        _data = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "samples", "review.data.json")))!.AsObject();
        _payload = _composer.Compose("review", _data);
        _discord = new DiscordCardRenderer();
    }

    [Benchmark]
    public JsonNode? ExpandReview() => TemplateEngine.Expand(_template, _data);

    [Benchmark]
    public CardPayload ComposeReview() => _composer.Compose("review", _data);

    [Benchmark]
    public JsonObject RenderReviewForDiscord() => _discord.Render(_payload);

    private static string FindCardsFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return Path.Combine(dir.FullName, "cards");
                }
            }
        }

        throw new InvalidOperationException("Bot.sln was not found above " + AppContext.BaseDirectory);
    }
}
