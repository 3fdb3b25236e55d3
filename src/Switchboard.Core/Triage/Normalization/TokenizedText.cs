namespace Switchboard.Core.Triage.Normalization;

/// <summary>
/// A message split into lower-cased tokens, reused per thread so the hot path does not allocate per token.
/// Token text lives in <see cref="Buffer"/> (lower-cased, letter runs of three or more collapsed to two);
/// <see cref="Hashes"/> holds each token's <see cref="TextHash"/> so rules and features compare numbers.
/// </summary>
internal sealed class TokenizedText
{
    public char[] Buffer = new char[512];
    public int[] Starts = new int[64];
    public int[] Lengths = new int[64];
    public TokenKind[] Kinds = new TokenKind[64];
    public ulong[] Hashes = new ulong[64];
    public int Count;
    public int Used;

    public ReadOnlySpan<char> Text(int token) => Buffer.AsSpan(Starts[token], Lengths[token]);

    public bool HasWords
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (Kinds[i] is TokenKind.Word or TokenKind.Hashtag)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal void Reset(int capacity)
    {
        Count = 0;
        Used = 0;
        if (Buffer.Length < capacity)
        {
            Buffer = new char[Math.Max(capacity, Buffer.Length * 2)];
        }
    }

    internal void Append(int start, int length, TokenKind kind)
    {
        if (Count == Starts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref Starts, size);
            Array.Resize(ref Lengths, size);
            Array.Resize(ref Kinds, size);
            Array.Resize(ref Hashes, size);
        }

        Starts[Count] = start;
        Lengths[Count] = length;
        Kinds[Count] = kind;
        Hashes[Count] = TextHash.Of(Buffer.AsSpan(start, length));
        Count++;
    }
}
