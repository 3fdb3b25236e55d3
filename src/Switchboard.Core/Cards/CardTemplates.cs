using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Templating;

namespace Switchboard.Core.Cards;

/// <summary>
/// The card templates in the cards folder (<c>review.json</c>, <c>incident.json</c>, …), loaded on first use,
/// checked (every expression must parse) and cached.
/// </summary>
public sealed class CardTemplates(IOptions<CardsOptions> options)
{
    private readonly ConcurrentDictionary<string, JsonObject> _byName = new(StringComparer.Ordinal);

    /// <summary>The folder the templates are read from.</summary>
    public string Folder => options.Value.TemplatesPath
        ?? FindDefaultFolder()
        ?? throw new InvalidOperationException($"No cards/ folder found; set {CardsOptions.Section}:TemplatesPath.");

    /// <summary>Template names in the folder (file names without .json).</summary>
    public IReadOnlyList<string> Names => Directory.EnumerateFiles(Folder, "*.json")
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The template called <paramref name="name"/> ("review" reads cards/review.json). Do not modify it.</summary>
    public JsonObject Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a template name.", nameof(name));
        }

        return _byName.GetOrAdd(name, n => LoadFile(Path.Combine(Folder, n + ".json")));
    }

    /// <summary>Reads and checks one template file.</summary>
    public static JsonObject LoadFile(string path)
    {
        JsonNode? node;
        try
        {
            using var stream = File.OpenRead(path);
            node = JsonNode.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new TemplateException($"Template {path} is not valid JSON: {ex.Message}", ex);
        }

        if (node is not JsonObject template)
        {
            throw new TemplateException($"Template {path} must be a JSON object (an AdaptiveCard).");
        }

        TemplateEngine.Validate(template);
        return template;
    }

    /// <summary>The <c>cards</c> folder next to the app, or the nearest one above it.</summary>
    public static string? FindDefaultFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "cards");
            if (File.Exists(Path.Combine(candidate, "review.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
