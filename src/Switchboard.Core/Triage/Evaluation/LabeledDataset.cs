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
    /// Real tweets to airlines and other brands (TWCS first turns, airline sentiment, random tweets, YouTube
    /// comments): the closest the training file has to real traffic, and none of it templated.
    /// </summary>
    public static readonly IReadOnlyList<string> HeldOutSources =
    [
        "twcs-asapp-airlines/curated",
        "twitter-airline-sentiment/curated",
        "twitter-airline-sentiment",
        "complaints-social-media",
        "youtube-spam-collection/psy+katyperry",
    ];

    public static bool IsHeldOut(LabeledExample example) => HeldOutSources.Contains(example.Source);

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
