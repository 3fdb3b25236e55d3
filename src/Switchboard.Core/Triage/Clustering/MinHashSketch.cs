using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// MinHash signatures over a message's content words (handles kept, as they name the brand; stop words,
/// links and numbers dropped; a plural 's' stripped). Two paraphrases of "the app is down" share "app" and
/// "down" and so a good part of their signature, while unrelated texts share almost nothing.
/// </summary>
internal static class MinHashSketch
{
    public const int Size = 32;

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>Fills <paramref name="signature"/>; returns the number of distinct content shingles used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Compute(TokenizedText tokens, Span<ulong> signature)
    {
        signature.Fill(ulong.MaxValue);
        var shingles = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens.Kinds[i];
            if (kind is not (TokenKind.Word or TokenKind.Hashtag or TokenKind.Handle))
            {
                continue;
            }

            var text = tokens.Text(i);
            if (text.Length < 2 || StopWords.Contains(tokens.Hashes[i]) || IsClusterStopWord(tokens.Hashes[i]))
            {
                continue;
            }

            if (text.Length > 3 && text[^1] == 's' && text[^2] != 's')
            {
                text = text[..^1];
            }

            // Each shingle is hashed once; double hashing (h1 + k·h2, then one multiply to mix) stands in for
            // Size independent hash functions at a fraction of the cost: MinHash only needs them roughly
            // independent. 32 rows (16 bands of 2 for the clusterer's LSH) estimate a Jaccard similarity of
            // 0.3 within ±0.08, enough to tell a paraphrase from an unrelated message, at two thirds the cost of 48.
            var h1 = TextHash.Mix(TextHash.Of(text));
            var h2 = TextHash.Mix(h1 ^ Seeds[0]) | 1;
            shingles++;
            for (var k = 0; k < Size; k++)
            {
                var h = (h1 + ((ulong)k * h2)) * 0x9E3779B97F4A7C15UL;
                h ^= h >> 29;
                if (h < signature[k])
                {
                    signature[k] = h;
                }
            }
        }

        return shingles;
    }

    private static readonly HashSet<ulong> ExtraStopWords = [.. new[] { "not", "no", "yes", "please", "pls", "cant" }.Select(w => TextHash.Of(w))];

    private static bool IsClusterStopWord(ulong hash) => ExtraStopWords.Contains(hash);

    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var same = 0;
        for (var k = 0; k < Size; k++)
        {
            if (a[k] == b[k])
            {
                same++;
            }
        }

        return same / (double)Size;
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Size];
        var x = 0x2545F4914F6CDD1DUL;
        for (var k = 0; k < Size; k++)
        {
            x = TextHash.Mix(x + 0x9E3779B97F4A7C15UL);
            seeds[k] = x;
        }

        return seeds;
    }
}
