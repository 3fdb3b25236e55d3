using System.Text.RegularExpressions;

namespace Switchboard.Core.Drafting;

/// <summary>Shortens text to a platform limit at a sentence boundary; only a single over-long sentence is cut at a word, with an ellipsis.</summary>
public static partial class TextTrimmer
{
    private const string Ellipsis = "…";

    public static string Trim(string text, PlatformLimit limit) => Trim(text, limit.Max, limit.Measure);

    public static string Trim(string text, int max, Func<string, int> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure(text) <= max)
        {
            return text;
        }

        if (max <= 0)
        {
            return string.Empty;
        }

        var sentences = SentenceEnd().Split(text.Trim());
        var kept = string.Empty;
        foreach (var sentence in sentences)
        {
            var candidate = kept.Length == 0 ? sentence : kept + " " + sentence;
            if (measure(candidate) > max)
            {
                break;
            }

            kept = candidate;
        }

        return kept.Length > 0 ? kept : CutAtWord(sentences[0], max, measure);
    }

    private static string CutAtWord(string sentence, int max, Func<string, int> measure)
    {
        var end = Math.Min(sentence.Length, max);
        while (end > 0 && measure(sentence[..end] + Ellipsis) > max)
        {
            end--;
        }

        // Never split a surrogate pair.
        if (end > 0 && char.IsHighSurrogate(sentence[end - 1]))
        {
            end--;
        }

        var space = sentence.LastIndexOf(' ', Math.Max(end - 1, 0));
        var cut = space > end / 2 ? space : end;
        return cut <= 0 ? string.Empty : sentence[..cut].TrimEnd() + Ellipsis;
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
