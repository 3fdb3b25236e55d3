using System.Globalization;
using System.Runtime.CompilerServices;

namespace Switchboard.Core.Triage.Language;

/// <summary>
/// Identifies the language of a message (ISO 639-1, or "und"). The script decides where it is unambiguous
/// (Cyrillic → ru, Arabic → ar, Devanagari → hi, kana → ja, Han without kana → zh, Hangul → ko, Greek → el,
/// Hebrew → he, Thai → th); Latin-script text is scored against character-trigram profiles of en, es, fr, de,
/// pt, it, nl and tr, trained at start-up from sample text written for this project (Language/Samples).
/// </summary>
internal sealed class LanguageIdentifier
{
    public const string Undetermined = "und";

    /// <summary>Letters scanned per message; a few hundred letters decide a language.</summary>
    private const int MaxLetters = 240;

    private static readonly string[] LatinLanguages = ["en", "es", "fr", "de", "pt", "it", "nl", "tr"];

    private readonly TrigramTable trigramRows;
    private readonly float[] logProbabilities;
    private readonly float[] unseen;

    private LanguageIdentifier(TrigramTable trigramRows, float[] logProbabilities, float[] unseen)
    {
        this.trigramRows = trigramRows;
        this.logProbabilities = logProbabilities;
        this.unseen = unseen;
    }

    public static IReadOnlyList<string> Supported { get; } =
        [.. LatinLanguages, "ru", "ar", "hi", "ja", "zh", "ko", "el", "he", "th"];

    /// <summary>Builds the profiles from the embedded samples.</summary>
    public static LanguageIdentifier CreateDefault()
    {
        var samples = new Dictionary<string, string>();
        foreach (var language in LatinLanguages)
        {
            var name = $"Switchboard.Triage.Language.{language}.txt";
            using var stream = typeof(LanguageIdentifier).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded language sample {name} is missing.");
            using var reader = new StreamReader(stream);
            samples[language] = reader.ReadToEnd();
        }

        return Train(samples);
    }

    internal static LanguageIdentifier Train(IReadOnlyDictionary<string, string> samples)
    {
        var counts = new Dictionary<ulong, int[]>();
        var totals = new int[LatinLanguages.Length];
        for (var l = 0; l < LatinLanguages.Length; l++)
        {
            var sample = samples[LatinLanguages[l]];
            var keys = new ulong[(sample.Length * 2) + 2];
            var n = Trigrams(sample, int.MaxValue, keys);
            foreach (var key in keys.AsSpan(0, n))
            {
                if (!counts.TryGetValue(key, out var row))
                {
                    row = new int[LatinLanguages.Length];
                    counts[key] = row;
                }

                row[l]++;
                totals[l]++;
            }
        }

        var languages = LatinLanguages.Length;
        var rows = new TrigramTable(counts.Count);
        var logs = new float[counts.Count * languages];
        var unseen = new float[languages];
        const float Alpha = 0.3f;
        var vocabulary = counts.Count;
        for (var l = 0; l < languages; l++)
        {
            unseen[l] = MathF.Log(Alpha / (totals[l] + (Alpha * vocabulary)));
        }

        var r = 0;
        foreach (var (key, row) in counts)
        {
            rows.Add(key, r);
            for (var l = 0; l < languages; l++)
            {
                logs[(r * languages) + l] = MathF.Log((row[l] + Alpha) / (totals[l] + (Alpha * vocabulary)));
            }

            r++;
        }

        return new LanguageIdentifier(rows, logs, unseen);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Identify(ReadOnlySpan<char> text)
    {
        int latin = 0, cyrillic = 0, arabic = 0, devanagari = 0, kana = 0, han = 0, hangul = 0, greek = 0, hebrew = 0, thai = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c < '\u0250')
            {
                latin++;
            }
            else if (c is >= '\u0400' and < '\u0530')
            {
                cyrillic++;
            }
            else if (c is >= '\u0600' and < '\u0700' or >= '\u0750' and < '\u0780' or >= '\uFB50' and < '\uFE00' or >= '\uFE70' and < '\uFF00')
            {
                arabic++;
            }
            else if (c is >= '\u0900' and < '\u0980')
            {
                devanagari++;
            }
            else if (c is >= '\u3040' and < '\u3100' or >= '\u31F0' and < '\u3200' or >= '\uFF66' and < '\uFF9E')
            {
                kana++;
            }
            else if (c is >= '\u4E00' and < '\uA000' or >= '\u3400' and < '\u4DC0' or >= '\uF900' and < '\uFB00')
            {
                han++;
            }
            else if (c is >= '\uAC00' and < '\uD7B0' or >= '\u1100' and < '\u1200')
            {
                hangul++;
            }
            else if (c is >= '\u0370' and < '\u0400')
            {
                greek++;
            }
            else if (c is >= '\u0590' and < '\u0600')
            {
                hebrew++;
            }
            else if (c is >= '\u0E00' and < '\u0E80')
            {
                thai++;
            }

            if (letters >= MaxLetters)
            {
                break;
            }
        }

        if (letters < 2)
        {
            return Undetermined;
        }

        // Japanese mixes kana with Han; a little kana is enough to tell it from Chinese.
        if (kana > 0 && kana * 10 >= han)
        {
            return "ja";
        }

        var best = Math.Max(Math.Max(Math.Max(latin, cyrillic), Math.Max(arabic, devanagari)), Math.Max(Math.Max(han, hangul), Math.Max(greek, Math.Max(hebrew, thai))));
        if (best == 0)
        {
            return Undetermined;
        }

        if (best == cyrillic)
        {
            return "ru";
        }

        if (best == arabic)
        {
            return "ar";
        }

        if (best == devanagari)
        {
            return "hi";
        }

        if (best == han)
        {
            return "zh";
        }

        if (best == hangul)
        {
            return "ko";
        }

        if (best == greek)
        {
            return "el";
        }

        if (best == hebrew)
        {
            return "he";
        }

        if (best == thai)
        {
            return "th";
        }

        return latin >= 3 ? ScoreLatin(text) : Undetermined;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ScoreLatin(ReadOnlySpan<char> text)
    {
        var languages = LatinLanguages.Length;
        Span<float> scores = stackalloc float[languages];
        var seen = 0;
        Span<ulong> keys = stackalloc ulong[(MaxLetters * 2) + 2];
        var grams = Trigrams(text, MaxLetters, keys);
        foreach (var key in keys[..grams])
        {
            if (trigramRows.TryGetValue(key, out var row))
            {
                seen++;
                for (var l = 0; l < languages; l++)
                {
                    scores[l] += logProbabilities[(row * languages) + l];
                }
            }
            else
            {
                for (var l = 0; l < languages; l++)
                {
                    scores[l] += unseen[l];
                }
            }
        }

        // Too little known material (a single word, a code, a name) is not evidence of a language.
        if (grams < 3 || seen * 2 < grams)
        {
            return Undetermined;
        }

        var best = 0;
        for (var l = 1; l < languages; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        return LatinLanguages[best];
    }

    /// <summary>Trigrams of lower-cased letters with word boundaries as spaces; handles and links are skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Trigrams(ReadOnlySpan<char> text, int maxLetters, Span<ulong> output)
    {
        var count = 0;
        char a = ' ', b = ' ';
        var letters = 0;
        var skipping = false;
        for (var i = 0; i < text.Length && letters < maxLetters && count < output.Length - 1; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                skipping = false;
            }
            else if (c == '@' || c == '#' || (c == 'h' && text[i..].StartsWith("http", StringComparison.Ordinal)))
            {
                skipping = true;
            }

            if (skipping)
            {
                c = ' ';
            }

            char next;
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                next = char.ToLowerInvariant(c);
                letters++;
            }
            else
            {
                next = ' ';
                if (b == ' ')
                {
                    continue;
                }
            }

            if (!(a == ' ' && b == ' '))
            {
                output[count++] = ((ulong)a << 32) | ((ulong)b << 16) | next;
            }

            a = b;
            b = next;
        }

        if (b != ' ')
        {
            output[count++] = ((ulong)a << 32) | ((ulong)b << 16) | ' ';
        }

        return count;
    }
}
