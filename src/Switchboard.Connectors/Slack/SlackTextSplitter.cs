namespace Switchboard.Connectors.Slack;

/// <summary>
/// Splits long text into messages Slack shows whole. chat.postMessage truncates <c>text</c> past 40,000
/// characters and Slack recommends staying under 4,000, so replies are cut at 4,000 on the last paragraph,
/// line or word boundary, never inside a surrogate pair.
/// </summary>
internal static class SlackTextSplitter
{
    public const int MaxMessageChars = 4000;

    public static IReadOnlyList<string> Split(string text, int maxChars = MaxMessageChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxChars)
        {
            var cut = FindCut(rest[..(maxChars + 1)], maxChars);
            var part = rest[..cut].TrimEnd();
            if (!part.IsEmpty)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (!rest.IsEmpty || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    // Returns the length of the next part: the window may hold one extra char so a boundary right after the limit counts.
    private static int FindCut(ReadOnlySpan<char> window, int maxChars)
    {
        var head = window[..maxChars];
        var minUseful = maxChars / 2;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", ". ", " "])
        {
            var at = head.LastIndexOf(separator.AsSpan());
            if (at >= minUseful)
            {
                return at + separator.Length;
            }
        }

        if (window[maxChars] == ' ' || window[maxChars] == '\n')
        {
            return maxChars;
        }

        // No boundary in the second half: hard cut, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(window[maxChars - 1]) ? maxChars - 1 : maxChars;
    }
}
