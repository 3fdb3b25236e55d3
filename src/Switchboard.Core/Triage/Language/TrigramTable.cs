using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Language;

/// <summary>
/// Open-addressing map from a packed trigram to its profile row: a few hundred lookups per message, so it
/// avoids Dictionary's indirections. Keys are never 0 (a trigram always has a letter), so 0 marks empty.
/// </summary>
internal sealed class TrigramTable
{
    private readonly ulong[] keys;
    private readonly int[] values;
    private readonly int mask;

    public TrigramTable(int count)
    {
        var size = 16;
        while (size < count * 2)
        {
            size *= 2;
        }

        keys = new ulong[size];
        values = new int[size];
        mask = size - 1;
    }

    public void Add(ulong key, int value)
    {
        var i = (int)(TextHash.Mix(key) & (uint)mask);
        while (keys[i] != 0 && keys[i] != key)
        {
            i = (i + 1) & mask;
        }

        keys[i] = key;
        values[i] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ulong key, out int value)
    {
        var i = (int)(TextHash.Mix(key) & (uint)mask);
        while (true)
        {
            var k = keys[i];
            if (k == key)
            {
                value = values[i];
                return true;
            }

            if (k == 0)
            {
                value = 0;
                return false;
            }

            i = (i + 1) & mask;
        }
    }
}
