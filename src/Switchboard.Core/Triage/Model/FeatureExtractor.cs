using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Model;

/// <summary>
/// Turns tokens into hashed feature ids: masked word unigrams and bigrams, character 3- and 4-grams inside
/// words (they carry misspellings, inflections and unseen brand-like words), and a few shape features
/// (emoji-only, no words, link, length). Every feature counts once per occurrence; the model scales by
/// 1/sqrt(count) so long texts do not dominate.
/// </summary>
internal static class FeatureExtractor
{
    private static readonly ulong Bos = TextHash.Of("<s>");
    private static readonly ulong Eos = TextHash.Of("</s>");
    private static readonly ulong HandleMask = TextHash.Of("xhandle");
    private static readonly ulong UrlMask = TextHash.Of("xurl");
    private static readonly ulong EmailMask = TextHash.Of("xemail");
    private static readonly ulong NumberMask = TextHash.Of("xnum");
    private static readonly ulong LongNumberMask = TextHash.Of("xnumlong");
    private static readonly ulong EmojiMask = TextHash.Of("xemoji");
    private static readonly ulong HashtagMark = TextHash.Of("xhashtag");
    private static readonly ulong ManyMentions = TextHash.Of("meta:mentions-3+");
    private static readonly ulong EmojiOnly = TextHash.Of("meta:emoji-only");
    private static readonly ulong NoWords = TextHash.Of("meta:no-words");
    private static readonly ulong CharSeed = TextHash.Of("char:");
    private static readonly ulong BigramSeed = TextHash.Of("bi:");
    private static readonly ulong LengthSeed = TextHash.Of("meta:len:");

    /// <summary>Longest token that contributes character n-grams (longer ones are hashes, codes or noise).</summary>
    private const int MaxCharGramWord = 24;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Extract(TokenizedText tokens, int bucketMask, ref int[] features)
    {
        var n = 0;
        var previous = Bos;
        var words = 0;
        var emoji = 0;
        var handles = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens.Kinds[i];
            if (kind == TokenKind.Handle)
            {
                // Mentions are invisible to the model: in the training data only some intents come as
                // tweets, so "has a @handle" would teach the platform, not the intent.
                handles++;
                continue;
            }

            var hash = Mapped(tokens, i);
            Ensure(ref features, n + 2 + (2 * tokens.Lengths[i]));
            features[n++] = Bucket(TextHash.Combine(BigramSeed ^ previous, hash), bucketMask);
            previous = hash;
            if (kind == TokenKind.Word && StopWords.Contains(hash))
            {
                // Function words count only inside bigrams ("is down", "on hold"); alone they let the
                // model learn text length and style instead of intent.
                continue;
            }

            features[n++] = Bucket(hash, bucketMask);
            switch (kind)
            {
                case TokenKind.Word:
                case TokenKind.Hashtag:
                    words++;
                    n = AddCharGrams(tokens.Text(i), bucketMask, features, n);
                    if (kind == TokenKind.Hashtag)
                    {
                        features[n++] = Bucket(HashtagMark, bucketMask);
                    }

                    break;
                case TokenKind.Emoji:
                    emoji++;
                    features[n++] = Bucket(EmojiMask, bucketMask);
                    break;
            }
        }

        Ensure(ref features, n + 5);
        features[n++] = Bucket(TextHash.Combine(BigramSeed ^ previous, Eos), bucketMask);
        if (words == 0)
        {
            features[n++] = Bucket(emoji > 0 ? EmojiOnly : NoWords, bucketMask);
        }

        if (handles >= 3)
        {
            features[n++] = Bucket(ManyMentions, bucketMask);
        }

        var lengthBucket = words switch { <= 2 => 0, <= 5 => 1, <= 12 => 2, <= 30 => 3, _ => 4 };
        features[n++] = Bucket(TextHash.Combine(LengthSeed, (ulong)lengthBucket), bucketMask);
        return n;
    }

    /// <summary>
    /// Adds one feature per fired rule ("rule:playbook.outage"). The model learns how far to trust each
    /// keyword rule from the data, instead of a hand-set boost deciding it.
    /// </summary>
    public static int AddRuleFeatures(ReadOnlySpan<bool> fired, ReadOnlySpan<ulong> ruleHashes, int bucketMask, ref int[] features, int n)
    {
        Ensure(ref features, n + fired.Length);
        for (var r = 0; r < fired.Length; r++)
        {
            if (fired[r])
            {
                features[n++] = Bucket(ruleHashes[r], bucketMask);
            }
        }

        return n;
    }

    /// <summary>The bucket of token <paramref name="i"/>'s unigram feature (for explanations).</summary>
    public static int UnigramBucket(TokenizedText tokens, int i, int bucketMask) => Bucket(Mapped(tokens, i), bucketMask);

    private static ulong Mapped(TokenizedText tokens, int i) => tokens.Kinds[i] switch
    {
        TokenKind.Handle => HandleMask,
        TokenKind.Url => UrlMask,
        TokenKind.Email => EmailMask,
        TokenKind.Number => tokens.Lengths[i] >= 5 ? LongNumberMask : NumberMask,
        _ => tokens.Hashes[i],
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddCharGrams(ReadOnlySpan<char> word, int bucketMask, int[] features, int n)
    {
        if (word.Length < 2 || word.Length > MaxCharGramWord)
        {
            return n;
        }

        // Grams over "<word>" so prefixes and suffixes are distinct from inner grams.
        Span<char> padded = stackalloc char[MaxCharGramWord + 2];
        padded[0] = '<';
        word.CopyTo(padded[1..]);
        padded[word.Length + 1] = '>';
        var span = padded[..(word.Length + 2)];
        for (var size = 3; size <= 4; size++)
        {
            for (var start = 0; start + size <= span.Length; start++)
            {
                features[n++] = Bucket(TextHash.Of(span.Slice(start, size), CharSeed), bucketMask);
            }
        }

        return n;
    }

    private static int Bucket(ulong hash, int mask) => (int)(TextHash.Mix(hash) & (uint)mask);

    private static void Ensure(ref int[] features, int size)
    {
        if (features.Length < size)
        {
            Array.Resize(ref features, Math.Max(size, features.Length * 2));
        }
    }
}
