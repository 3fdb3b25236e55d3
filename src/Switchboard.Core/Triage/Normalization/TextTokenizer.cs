using System.Globalization;
using System.Runtime.CompilerServices;

namespace Switchboard.Core.Triage.Normalization;

/// <summary>
/// Splits social-media text into tokens and normalizes what varies without meaning: @handles (brands and
/// people), links, e-mail addresses, numbers and emoji become kinds the model sees as masks, hashtags become
/// words, letters are lower-cased, apostrophes dropped ("can't" → "cant") and stretched letters collapsed
/// ("soooo" → "soo"). One pass, no regular expressions, no allocation beyond the reused buffers.
/// </summary>
internal static class TextTokenizer
{
    /// <summary>Longest text tokenized; the rest of a huge message carries no extra triage signal.</summary>
    public const int MaxChars = 8192;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tokenize(ReadOnlySpan<char> text, TokenizedText output)
    {
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        output.Reset(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            if (c == '?' || c == '!')
            {
                AppendLiteral(output, c, c == '?' ? TokenKind.Question : TokenKind.Exclamation);
                while (i < text.Length && (text[i] == '?' || text[i] == '!'))
                {
                    i++;
                }

                continue;
            }

            if (IsUrlStart(text[i..]))
            {
                i = SkipNonSpace(text, i);
                AppendLiteral(output, 'u', TokenKind.Url);
                continue;
            }

            if (c == '@' && i + 1 < text.Length && IsHandleChar(text[i + 1]))
            {
                var start = i + 1;
                i = start;
                while (i < text.Length && IsHandleChar(text[i]))
                {
                    i++;
                }

                AppendLowered(output, text[start..i], TokenKind.Handle);
                continue;
            }

            if (c == '#' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                var start = i + 1;
                i = start;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                AppendLowered(output, text[start..i], TokenKind.Hashtag);
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var end = SkipNonSpace(text, i);
                if (LooksLikeEmail(text[i..end]))
                {
                    i = end;
                    AppendLiteral(output, 'e', TokenKind.Email);
                    continue;
                }

                i = ReadWord(text, i, output);
                continue;
            }

            if (IsEmojiStart(text, i, out var width))
            {
                AppendEmoji(output, text.Slice(i, width));
                i += width;
                continue;
            }

            i++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadWord(ReadOnlySpan<char> text, int i, TokenizedText output)
    {
        var start = output.Used;
        var buffer = output.Buffer;
        var allDigits = true;
        var n = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                var lower = char.ToLowerInvariant(c);
                allDigits &= char.IsAsciiDigit(c);
                // Collapse stretched letters: keep at most two equal letters in a row.
                if (!(n >= 2 && buffer[output.Used - 1] == lower && buffer[output.Used - 2] == lower && char.IsLetter(lower)))
                {
                    buffer[output.Used++] = lower;
                    n++;
                }

                i++;
            }
            else if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && n > 0)
            {
                i++;
            }
            else if ((c == '.' || c == ',') && allDigits && n > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        output.Append(start, output.Used - start, allDigits ? TokenKind.Number : TokenKind.Word);
        return i;
    }

    private static void AppendLowered(TokenizedText output, ReadOnlySpan<char> text, TokenKind kind)
    {
        var start = output.Used;
        foreach (var c in text)
        {
            output.Buffer[output.Used++] = char.ToLowerInvariant(c);
        }

        output.Append(start, output.Used - start, kind);
    }

    private static void AppendLiteral(TokenizedText output, char c, TokenKind kind)
    {
        var start = output.Used;
        output.Buffer[output.Used++] = c;
        output.Append(start, 1, kind);
    }

    private static void AppendEmoji(TokenizedText output, ReadOnlySpan<char> emoji)
    {
        var start = output.Used;
        emoji.CopyTo(output.Buffer.AsSpan(output.Used));
        output.Used += emoji.Length;
        output.Append(start, emoji.Length, TokenKind.Emoji);
    }

    private static int SkipNonSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeEmail(ReadOnlySpan<char> run)
    {
        var at = run.IndexOf('@');
        return at > 0 && run[(at + 1)..].Contains('.');
    }

    /// <summary>
    /// Emoji and pictographs: astral-plane symbols (surrogate pairs) and the BMP symbol blocks. Modifiers
    /// (variation selectors, zero-width joiner, skin tones) are consumed with the emoji they modify.
    /// </summary>
    private static bool IsEmojiStart(ReadOnlySpan<char> text, int i, out int width)
    {
        var c = text[i];
        width = 0;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (cp >= 0x1F000 || (cp >= 0x1F1E6 && cp <= 0x1F1FF))
                {
                    width = 2 + ModifierLength(text, i + 2);
                    return true;
                }
            }

            return false;
        }

        if ((c >= '\u2600' && c <= '\u27BF') || (c >= '\u2B00' && c <= '\u2BFF') || c == '\u2764' || (c >= '\u2190' && c <= '\u21FF') || c == '\u00A9' || c == '\u00AE' || c == '\u2122')
        {
            width = 1 + ModifierLength(text, i + 1);
            return true;
        }

        return false;
    }

    private static int ModifierLength(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\uFE0F' || c == '\uFE0E' || c == '\u200D' || c == '\u20E3')
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && char.ConvertToUtf32(c, text[i + 1]) is >= 0x1F3FB and <= 0x1F3FF)
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i - start;
    }
}
