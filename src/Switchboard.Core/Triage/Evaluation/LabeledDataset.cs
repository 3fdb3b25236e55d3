using System.Text.Json;
using Switchboard.Core.Triage.Model;

namespace Switchboard.Core.Triage.Evaluation;

/// <summary>
/// Reads labeled JSONL ({"id","text","intent","severity","source"}) and splits it by source: the held-out
/// sources are real social-media text to brands, kept out of training so figures are measured on text the
/// model never saw a twin of.
/// </summary>
public static class LabeledDataset
{
    /// <summary>
    /// Development split: real airline tweets and random tweets. Never trained on; used to choose settings
    /// (thresholds, boosts, class balance).
    /// </summary>
    public static readonly IReadOnlyList<string> DevSources =
    [
        "twitter-airline-sentiment/curated",
        "twitter-airline-sentiment",
        "complaints-social-media",
    ];

    /// <summary>
    /// Test split: first-turn customer tweets to airlines (TWCS) and YouTube comments. Never trained on and
    /// never used to choose settings; the reported figures come from here.
    /// </summary>
    public static readonly IReadOnlyList<string> TestSources =
    [
        "twcs-asapp-airlines/curated",
        "youtube-spam-collection/psy+katyperry",
    ];

    /// <summary>Every source kept out of training: real social-media text, none of it templated.</summary>
    public static IReadOnlyList<string> HeldOutSources { get; } = [.. DevSources, .. TestSources];

    public static bool IsHeldOut(LabeledExample example) => HeldOutSources.Contains(example.Source);

    public static bool IsDev(LabeledExample example) => DevSources.Contains(example.Source);

    public static bool IsTest(LabeledExample example) => TestSources.Contains(example.Source);

    /// <summary>Templated assistant-style sources: trained on at a lower weight, as real traffic reads differently.</summary>
    public static bool IsTemplated(LabeledExample example) =>
        example.Source.StartsWith("banking77", StringComparison.Ordinal)
        || example.Source.StartsWith("clinc150", StringComparison.Ordinal)
        || example.Source.StartsWith("bitext", StringComparison.Ordinal);

    /// <summary>Filters rows by split name: all, heldout, dev or test.</summary>
    public static List<LabeledExample> Select(IEnumerable<LabeledExample> rows, string split) => split switch
    {
        "all" => [.. rows],
        "heldout" => [.. rows.Where(IsHeldOut)],
        "dev" => [.. rows.Where(IsDev)],
        "test" => [.. rows.Where(IsTest)],
        _ => throw new ArgumentException($"Unknown split '{split}': use all, heldout, dev or test.", nameof(split)),
    };

    /// <summary>Reads every valid row; each bad row adds "file:line: why" to <paramref name="errors"/>.</summary>
    public static List<LabeledExample> Read(string path, List<string> errors, string defaultSource = "unknown")
    {
        var rows = new List<LabeledExample>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var intent = root.TryGetProperty("intent", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                if (string.IsNullOrEmpty(text) || intent is null || !Intents.IsKnown(intent))
                {
                    errors.Add($"{path}:{lineNumber}: needs a text and a known intent");
                    continue;
                }

                var id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : $"{Path.GetFileName(path)}:{lineNumber}";
                var severity = root.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var source = root.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() ?? defaultSource : defaultSource;
                rows.Add(new LabeledExample(id, text, intent, severity, source));
            }
            catch (JsonException e)
            {
                errors.Add($"{path}:{lineNumber}: not JSON ({e.Message})");
            }
        }

        return rows;
    }
}
