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

    /// <summary>Whether cards/<paramref name="name"/>.json exists (a loaded template counts).</summary>
    public bool Exists(string name) =>
        _byName.ContainsKey(name)
        || (IsTemplateName(name) && File.Exists(Path.Combine(Folder, name + ".json")));

    /// <summary>The template called <paramref name="name"/> ("review" reads cards/review.json). Do not modify it.</summary>
    public JsonObject Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsTemplateName(name))
        {
            throw new ArgumentException($"'{name}' is not a template name.", nameof(name));
        }

        return _byName.GetOrAdd(name, n =>
        {
            var path = Path.Combine(Folder, n + ".json");
            return File.Exists(path) ? LoadFile(path) : throw new TemplateException($"There is no card template '{n}' in {Folder}.");
        });
    }

    private static bool IsTemplateName(string name) => name.Length > 0 && name.IndexOfAny(['/', '\\', '.']) < 0;

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
