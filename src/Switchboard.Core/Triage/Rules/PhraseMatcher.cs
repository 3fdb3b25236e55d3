using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Rules;

/// <summary>
/// Finds rule phrases in tokenized text. Phrases are tokenized with the same tokenizer as messages, so
/// "can't log in" matches "Cant LOG in!!"; exact tokens compare by hash, "word*" tokens by prefix.
/// Lookup is by the first token's hash, so cost grows with message length, not with the number of rules.
/// </summary>
internal sealed class PhraseMatcher
{
    private const int HeadLength = 3;

    private readonly Dictionary<ulong, List<Phrase>> byFirstHash = [];
    /// <summary>Phrases starting with a prefix token, keyed by the hash of the prefix's first three characters.</summary>
    private readonly Dictionary<ulong, List<Phrase>> byPrefixHead = [];
    private readonly List<Phrase> shortPrefixFirst = [];

    public void Add(string phrase, int ruleIndex)
    {
        var tokens = new TokenizedText();
        var trimmed = phrase.Trim();
        TextTokenizer.Tokenize(trimmed.Replace("*", string.Empty, StringComparison.Ordinal), tokens);
        if (tokens.Count == 0)
        {
            throw new InvalidDataException($"Phrase '{phrase}' has no words.");
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new PhraseToken[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            // A trailing '*' on the i-th space-separated word marks a prefix; tokenization keeps word order.
            var prefix = i < words.Length && words[i].EndsWith('*') && tokens.Count == words.Length;
            parts[i] = new PhraseToken(tokens.Hashes[i], tokens.Text(i).ToString(), prefix, tokens.Kinds[i] == TokenKind.Handle);
        }

        var entry = new Phrase(parts, ruleIndex);
        if (parts[0].Prefix && parts[0].Text.Length >= HeadLength)
        {
            var head = TextHash.Of(parts[0].Text.AsSpan(0, HeadLength));
            if (!byPrefixHead.TryGetValue(head, out var heads))
            {
                heads = [];
                byPrefixHead[head] = heads;
            }

            heads.Add(entry);
        }
        else if (parts[0].Prefix)
        {
            shortPrefixFirst.Add(entry);
        }
        else if (byFirstHash.TryGetValue(parts[0].Hash, out var list))
        {
            list.Add(entry);
        }
        else
        {
            byFirstHash[parts[0].Hash] = [entry];
        }
    }

    /// <summary>Marks in <paramref name="fired"/> every rule with a phrase in the text, and where it first matched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(TokenizedText text, Span<bool> fired, Span<int> firstToken)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (byFirstHash.TryGetValue(text.Hashes[i], out var list))
            {
                foreach (var phrase in list)
                {
                    Try(phrase, text, i, fired, firstToken);
                }
            }

            if (text.Lengths[i] >= HeadLength && byPrefixHead.TryGetValue(TextHash.Of(text.Text(i)[..HeadLength]), out var heads))
            {
                foreach (var phrase in heads)
                {
                    Try(phrase, text, i, fired, firstToken);
                }
            }

            foreach (var phrase in shortPrefixFirst)
            {
                Try(phrase, text, i, fired, firstToken);
            }
        }
    }

    private static void Try(Phrase phrase, TokenizedText text, int at, Span<bool> fired, Span<int> firstToken)
    {
        if (fired[phrase.Rule] || at + phrase.Tokens.Length > text.Count)
        {
            return;
        }

        for (var k = 0; k < phrase.Tokens.Length; k++)
        {
            if (!phrase.Tokens[k].Matches(text, at + k))
            {
                return;
            }
        }

        fired[phrase.Rule] = true;
        firstToken[phrase.Rule] = at;
    }

    private sealed record Phrase(PhraseToken[] Tokens, int Rule);

    private sealed record PhraseToken(ulong Hash, string Text, bool Prefix, bool Handle)
    {
        public bool Matches(TokenizedText text, int i)
        {
            var kind = text.Kinds[i];
            if (Handle != (kind == TokenKind.Handle) || kind is TokenKind.Url or TokenKind.Email)
            {
                return false;
            }

            return Prefix ? text.Text(i).StartsWith(Text, StringComparison.Ordinal) : text.Hashes[i] == Hash;
        }
    }
}
