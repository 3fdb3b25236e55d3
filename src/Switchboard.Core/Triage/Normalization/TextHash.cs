namespace Switchboard.Core.Triage.Normalization;

/// <summary>
/// FNV-1a over UTF-16 code units. Deterministic across processes and machines, unlike string.GetHashCode,
/// because hashed feature ids are persisted in the model file.
/// </summary>
internal static class TextHash
{
    public const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text, ulong seed = Offset)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>Combines two hashes (for n-grams of tokens); finalizes with a mix so buckets spread.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a * 31 + b + 0x9E3779B97F4A7C15UL);

    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB93F53B9FE37UL;
        x ^= x >> 33;
        return x;
    }
}
