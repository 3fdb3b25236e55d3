namespace Switchboard.Core.Cards.Rendering;

/// <summary>Text helpers shared by the renderers: cutting to a platform limit without splitting a surrogate pair.</summary>
internal static class SurfaceText
{
    public const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..Math.Max(cut, 0)] + Ellipsis;
    }
}
