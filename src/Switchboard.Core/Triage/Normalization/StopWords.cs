namespace Switchboard.Core.Triage.Normalization;

/// <summary>
/// English function words, by token hash. They carry no intent on their own: the model sees them only
/// inside bigrams, clustering ignores them, and explanations never cite them.
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<ulong> Hashes = [.. new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "for", "from", "by", "with",
        "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "these", "those", "i", "im",
        "me", "my", "we", "our", "you", "your", "u", "ur", "he", "she", "they", "them", "their", "his", "her",
        "do", "does", "did", "have", "has", "had", "just", "now", "again", "still", "any", "anyone", "else",
        "what", "why", "how", "when", "where", "who", "there", "here", "all", "can", "will", "would",
        "up", "out", "get", "got", "also", "too", "very", "really", "hey", "hi", "hello", "lol", "guys", "right",
        "today", "rn", "ok", "okay", "some", "one", "as", "than", "then", "about", "s", "t", "ive", "youre", "its",
        "been", "being", "should", "could", "into", "over", "more", "much", "after", "before", "because",
    }.Distinct().Select(w => TextHash.Of(w))];

    public static bool Contains(ulong tokenHash) => Hashes.Contains(tokenHash);
}
