using System.Globalization;
using Switchboard.Core.Enrich;

namespace Switchboard.Speech.PocketSphinx;

/// <summary>
/// Reads <c>pocketsphinx_continuous -time yes</c> output: per utterance a hypothesis line, then one
/// "word start end probability" line per word, with &lt;s&gt;, &lt;/s&gt;, &lt;sil&gt; and [NOISE] fillers.
/// Words become segments split at silences.
/// </summary>
internal static class PocketSphinxOutputParser
{
    public static IReadOnlyList<TranscriptSegment> Parse(string output)
    {
        var segments = new List<TranscriptSegment>();
        var words = new List<string>();
        var start = 0.0;
        var end = 0.0;

        void Flush()
        {
            if (words.Count > 0)
            {
                segments.Add(new TranscriptSegment(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), string.Join(' ', words)));
                words.Clear();
            }
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var wordStart)
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var wordEnd)
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                // A hypothesis line (the same words without times) or a log line.
                continue;
            }

            var word = parts[0];
            if (word is "<s>" or "</s>" or "<sil>" || word.StartsWith('[') || word.StartsWith("++", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            // Alternative pronunciations are listed as word(2).
            var paren = word.IndexOf('(', StringComparison.Ordinal);
            if (paren > 0)
            {
                word = word[..paren];
            }

            if (words.Count == 0)
            {
                start = wordStart;
            }

            end = wordEnd;
            words.Add(word);
        }

        Flush();
        return segments;
    }
}
