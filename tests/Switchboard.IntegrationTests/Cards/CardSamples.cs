using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cards;

/// <summary>The templates in cards/ and their sample data files (cards/samples/&lt;name&gt;[.&lt;variant&gt;].data.json).</summary>
internal static class CardSamples
{
    public static string TemplatesFolder => RepoPaths.InRepo("cards");

    public static IReadOnlyList<string> TemplateNames => Directory.EnumerateFiles(TemplatesFolder, "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)!)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<(string Name, string Template, string Data)> Pairs() =>
        TemplateNames.SelectMany(name => DataFiles(name).Select(data => (name, Path.Combine(TemplatesFolder, name + ".json"), data)));

    public static IReadOnlyList<string> DataFiles(string name) =>
        Directory.EnumerateFiles(RepoPaths.InRepo("cards", "samples"), name + ".*")
            .Where(f => Path.GetFileName(f) == $"{name}.data.json"
                || (f.EndsWith(".data.json", StringComparison.Ordinal) && Path.GetFileName(f).Count(c => c == '.') == 3))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    public static CardComposer Composer()
    {
        var options = Options.Create(new CardsOptions { TemplatesPath = TemplatesFolder });
        return new CardComposer(new CardTemplates(options), options, NullLogger<CardComposer>.Instance);
    }
}
