using System.Text;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Splits text longer than Telegram's 4096-character limit into messages, preferring paragraph, then line, then
/// sentence, then word boundaries. With <c>html: true</c> it never cuts inside a tag or an entity, and closes the
/// tags still open at a cut and reopens them at the start of the next part, so each part parses on its own.
/// Lengths are counted in UTF-16 code units, as Telegram counts, and surrogate pairs are never split.
/// </summary>
internal static class TelegramMessageSplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<string> Split(string text, bool html, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var open = new List<(string Name, string Tag)>();
        var position = 0;
        while (position < text.Length)
        {
            var prefix = string.Concat(open.Select(t => t.Tag));

            // Room for the reopened tags in front and the closing tags behind (a closing tag is at most its opener's name + 3).
            var budget = maxLength - prefix.Length - open.Sum(t => t.Name.Length + 3);
            if (budget < 32)
            {
                // Pathological nesting: drop the formatting carried over rather than cut a tag.
                open.Clear();
                prefix = string.Empty;
                budget = maxLength;
            }

            if (text.Length - position <= budget)
            {
                parts.Add(prefix + text[position..]);
                break;
            }

            int cut;
            string part;
            List<(string Name, string Tag)> stillOpen;
            while (true)
            {
                cut = FindCut(text, position, budget, html);
                var piece = text[position..cut];
                stillOpen = html ? TrackTags(piece, open) : open;
                var closing = string.Concat(Enumerable.Reverse(stillOpen).Select(t => "</" + t.Name + ">"));
                part = (prefix + piece).TrimEnd() + closing;

                // Tags opened inside the piece need closing too; give their room back and cut again.
                if (part.Length <= maxLength || budget <= 32)
                {
                    break;
                }

                budget -= part.Length - maxLength;
            }

            parts.Add(part);
            open = stillOpen;

            position = cut;
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        return parts;
    }

    private static int FindCut(string text, int start, int budget, bool html)
    {
        var limit = start + budget;
        var safe = SafePositions(text, start, limit, html);

        // Best boundary first, but never one so early that parts get silly short.
        var floor = start + (budget / 2);
        foreach (var boundary in (string[])["\n\n", "\n", ". ", "! ", "? ", " "])
        {
            for (var i = limit - boundary.Length; i > floor; i--)
            {
                if (safe[i - start] && string.CompareOrdinal(text, i, boundary, 0, boundary.Length) == 0)
                {
                    return i + boundary.Length;
                }
            }
        }

        // No boundary at all (one long word or URL): cut at the last safe position.
        for (var i = limit; i > start; i--)
        {
            if (safe[i - start])
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>safe[k] says whether cutting before text[start + k] leaves tags, entities and surrogate pairs whole.</summary>
    private static bool[] SafePositions(string text, int start, int limit, bool html)
    {
        var safe = new bool[limit - start + 1];
        var inTag = false;
        var inEntity = false;
        for (var i = start; i <= limit; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            safe[i - start] = !inTag && !inEntity && !(i > start && char.IsHighSurrogate(text[i - 1]) && char.IsLowSurrogate(c));
            if (!html || i >= text.Length)
            {
                continue;
            }

            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (c == '&' && !inTag)
            {
                inEntity = true;
            }
            else if (inEntity && (c == ';' || char.IsWhiteSpace(c)))
            {
                inEntity = false;
            }
        }

        return safe;
    }

    /// <summary>Returns the tags open after <paramref name="piece"/>, starting from those open before it.</summary>
    private static List<(string Name, string Tag)> TrackTags(string piece, List<(string Name, string Tag)> open)
    {
        var stack = new List<(string Name, string Tag)>(open);
        var i = 0;
        while ((i = piece.IndexOf('<', i)) >= 0)
        {
            var end = piece.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var tag = piece[i..(end + 1)];
            var closing = tag.StartsWith("</", StringComparison.Ordinal);
            var name = new StringBuilder();
            foreach (var c in tag.AsSpan(closing ? 2 : 1))
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    break;
                }

                name.Append(char.ToLowerInvariant(c));
            }

            if (closing)
            {
                var index = stack.FindLastIndex(t => t.Name == name.ToString());
                if (index >= 0)
                {
                    stack.RemoveAt(index);
                }
            }
            else if (!tag.EndsWith("/>", StringComparison.Ordinal) && name.Length > 0)
            {
                stack.Add((name.ToString(), tag));
            }

            i = end + 1;
        }

        return stack;
    }
}
