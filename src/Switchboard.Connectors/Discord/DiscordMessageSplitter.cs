namespace Switchboard.Connectors.Discord;

/// <summary>
/// Splits text into Discord-sized messages (2000 characters): at a paragraph break, else a line break,
/// else a space, else a hard cut that never separates a surrogate pair.
/// </summary>
internal static class DiscordMessageSplitter
{
    public const int MaxLength = 2000;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = LastBreak(window, "\n\n", maxLength);
            if (cut <= 0)
            {
                cut = LastBreak(window, "\n", maxLength);
            }

            if (cut <= 0)
            {
                cut = LastBreak(window, " ", maxLength);
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(rest[maxLength - 1]) ? maxLength - 1 : maxLength;
            }

            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    // A break in the second half only: cutting a 2000-character message after 40 characters helps nobody.
    private static int LastBreak(ReadOnlySpan<char> window, string separator, int maxLength)
    {
        var at = window.LastIndexOf(separator.AsSpan());
        return at >= maxLength / 2 ? at : -1;
    }
}
