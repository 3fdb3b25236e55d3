using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// Groups near-duplicate reports across all platforms over a sliding time window. Each message's MinHash
/// signature is banded (locality-sensitive hashing: <see cref="Bands"/> bands of <see cref="Rows"/> rows) so
/// candidates are found without comparing against the whole window; a candidate joins when the estimated
/// Jaccard similarity reaches the threshold and the intents match. When a group holds <c>threshold</c> members
/// inside the window it becomes an incident cluster: the message that completes it opens it, later
/// members join it. Time is the message's own timestamp, so a replay faster than real time clusters as
/// live traffic would. Thread-safe: one lock, held for about a microsecond.
/// </summary>
/// <remarks>
/// Clustering was the largest cost of triage (a dictionary of 24 keys per message, per-message arrays and
/// objects that lived long enough to reach the older GC generations). Now messages live in a ring of plain
/// arrays in arrival order, so eviction is a pointer move that touches nothing else; a band bucket is a chain
/// through the ring (a direct-mapped table holds the latest message per bucket key, each message links to the
/// previous one with the same key); and a message that never matched anything has no group object at all.
/// A table slot overwritten by another key only loses that bucket's older chain for later arrivals, which
/// the other bands make up for. Nothing is allocated per message except a group when a pair first matches, and
/// the list of earlier members when a cluster opens (the request ids sit in a parallel array of the ring).
/// </remarks>
internal sealed class NearDuplicateClusterer
{
    public const int Rows = 2;
    public const int Bands = MinHashSketch.Size / Rows;

    /// <summary>Fewer content words than this give signatures too coarse to call two messages the same report.</summary>
    private const int MinShingles = 2;

    /// <summary>
    /// Most recent messages followed per bucket, and most signatures compared per message: during a surge
    /// every report lands in the same buckets, and comparing with its latest members is enough to join.
    /// Each message followed is a cache miss or two, so these bounds are what keeps clustering cheap.
    /// </summary>
    private const int MaxBucket = 4;
    private const int MaxComparisons = 8;
    private const int InitialCapacity = 1024;

    private readonly Lock gate = new();
    private readonly int threshold;
    private readonly long windowTicks;
    private readonly int minSame;
    private readonly int maxEntries;
    private readonly ClusterIds ids;

    // The ring, one slot per message in the window, at id % capacity.
    private int capacity;
    private ushort[] signatures = [];
    private uint[] previous = [];
    private long[] ticks = [];
    private string?[] intents = [];

    // Request ids, kept only to name a new incident's earlier members: storing the caller's string costs no allocation.
    private string?[] requestIds = [];
    private Group?[] groups = [];
    private long[] visited = [];

    // Latest message per bucket key: high 32 bits a tag from the key, low 32 bits the message id.
    private ulong[] heads = [];
    private int headMask;

    private long nextId;
    private long firstAlive;
    private long stamp;

    public NearDuplicateClusterer(int threshold, TimeSpan window, double similarity, int maxEntries, ClusterIds? ids = null)
    {
        this.threshold = threshold;
        windowTicks = window.Ticks;
        // similarity·Size rounded up: the fewest equal signature rows that reach the threshold.
        minSame = (int)Math.Ceiling((similarity * MinHashSketch.Size) - 1e-9);
        this.maxEntries = Math.Max(16, maxEntries);
        this.ids = ids ?? new ClusterIds();
        Resize(Math.Min(InitialCapacity, this.maxEntries));
    }

    /// <summary>Messages in the window (for tests and diagnostics).</summary>
    public int WindowCount
    {
        get
        {
            lock (gate)
            {
                return (int)(nextId - firstAlive);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ClusterAssignment Assign(ReadOnlySpan<ulong> signature, int shingles, string intent, DateTimeOffset timestamp, string? requestId = null)
    {
        if (shingles < MinShingles)
        {
            return ClusterAssignment.None;
        }

        // 16 bits per row still tell hash minima apart (two different minima look equal once in 65,536, a
        // 0.0005 error on the similarity), and a whole signature then fits one cache line.
        Span<ushort> rows = stackalloc ushort[MinHashSketch.Size];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = (ushort)signature[k];
        }

        Span<ulong> keys = stackalloc ulong[Bands];
        for (var b = 0; b < Bands; b++)
        {
            keys[b] = BandKey(b, rows.Slice(b * Rows, Rows));
        }

        var now = timestamp.UtcTicks;
        lock (gate)
        {
            Evict(now);
            if (nextId - firstAlive == capacity)
            {
                Resize(Math.Min(capacity * 2, maxEntries));
            }

            var visit = ++stamp;
            var best = -1L;
            var bestSame = 0;
            Group? bestGroup = null;
            var comparisons = 0;
            var slot = (int)(nextId % capacity);
            var links = previous.AsSpan(slot * Bands, Bands);
            for (var b = 0; b < Bands; b++)
            {
                var id = Head(keys[b]);
                // No previous message with this key: the link points at the message itself, which ends the chain.
                links[b] = (uint)(id < 0 ? nextId : id);
                for (var steps = 0; id >= firstAlive && steps < MaxBucket && comparisons < MaxComparisons; steps++)
                {
                    var c = (int)(id % capacity);
                    var candidate = id;
                    var older = Widen(previous[(c * Bands) + b]);
                    id = older < candidate ? older : -1;
                    var group = groups[c];
                    if (visited[c] == visit || (group is not null && group.Matched == visit))
                    {
                        continue;
                    }

                    visited[c] = visit;
                    if (!string.Equals(intents[c], intent, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    comparisons++;
                    var same = Same(signatures.AsSpan(c * MinHashSketch.Size, MinHashSketch.Size), rows);
                    if (same < minSame)
                    {
                        continue;
                    }

                    // One member above the threshold is enough for its group; prefer a group that is
                    // already an incident, then the closest.
                    if (group is not null)
                    {
                        group.Matched = visit;
                    }

                    var open = group?.ClusterId is not null;
                    var bestOpen = bestGroup?.ClusterId is not null;
                    if (best < 0 || (open && !bestOpen) || (same > bestSame && (open || !bestOpen)))
                    {
                        best = candidate;
                        bestSame = same;
                        bestGroup = group;
                    }
                }
            }

            rows.CopyTo(signatures.AsSpan(slot * MinHashSketch.Size, MinHashSketch.Size));
            ticks[slot] = now;
            intents[slot] = intent;
            requestIds[slot] = requestId;
            visited[slot] = 0;
            for (var b = 0; b < Bands; b++)
            {
                SetHead(keys[b], nextId);
            }

            nextId++;
            if (best < 0)
            {
                // A message like no other stays on its own, without a group object, until something matches it.
                groups[slot] = null;
                return ClusterAssignment.None;
            }

            if (bestGroup is null)
            {
                bestGroup = new Group { Members = 1, Total = 1 };
                groups[(int)(best % capacity)] = bestGroup;
            }

            groups[slot] = bestGroup;
            bestGroup.Members++;
            bestGroup.Total++;
            if (bestGroup.ClusterId is null && bestGroup.Members >= threshold)
            {
                bestGroup.ClusterId = ids.Next(timestamp);
                return new ClusterAssignment(bestGroup.ClusterId, bestGroup.Total, true, EarlierMembers: EarlierMembers(bestGroup));
            }

            return bestGroup.ClusterId is null ? ClusterAssignment.None : new ClusterAssignment(bestGroup.ClusterId, bestGroup.Total, false);
        }
    }

    /// <summary>
    /// The request ids of the group's live members before the newest one, oldest first. Only when a cluster opens:
    /// the walk goes back from the newest message and stops once it has found every live member but the newest.
    /// </summary>
    private List<string> EarlierMembers(Group group)
    {
        var found = new List<string>(group.Members - 1);
        var wanted = group.Members - 1;
        for (var id = nextId - 2; id >= firstAlive && wanted > 0; id--)
        {
            var slot = (int)(id % capacity);
            if (groups[slot] == group)
            {
                wanted--;
                if (requestIds[slot] is { } requestId)
                {
                    found.Add(requestId);
                }
            }
        }

        found.Reverse();
        return found;
    }

    private static int Same(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        var same = 0;
        for (var k = 0; k < a.Length; k++)
        {
            same += a[k] == b[k] ? 1 : 0;
        }

        return same;
    }

    private void Evict(long now)
    {
        var oldest = now - windowTicks;
        while (firstAlive < nextId)
        {
            var slot = (int)(firstAlive % capacity);
            if (ticks[slot] >= oldest && nextId - firstAlive < maxEntries)
            {
                break;
            }

            if (groups[slot] is { } group)
            {
                group.Members--;
                groups[slot] = null;
            }

            intents[slot] = null;
            requestIds[slot] = null;
            firstAlive++;
        }
    }

    /// <summary>The latest live message with this bucket key, or -1.</summary>
    private long Head(ulong key)
    {
        var value = heads[(int)(key & (uint)headMask)];
        if ((uint)(value >> 32) != (uint)(key >> 32))
        {
            return -1;
        }

        var id = Widen((uint)value);
        return id >= firstAlive && id < nextId ? id : -1;
    }

    /// <summary>A message id from its low 32 bits (as the table and links keep it): the window is far shorter than 2^32 messages.</summary>
    private long Widen(uint low) => nextId - (uint)((uint)nextId - low);

    private void SetHead(ulong key, long id) =>
        heads[(int)(key & (uint)headMask)] = (key & 0xFFFF_FFFF_0000_0000UL) | (uint)id;

    /// <summary>Grows the ring (it starts small, so an idle engine costs little) and rebuilds the bucket table.</summary>
    private void Resize(int size)
    {
        var oldCapacity = capacity;
        var (oldSignatures, oldPrevious, oldTicks, oldIntents, oldRequestIds, oldGroups) = (signatures, previous, ticks, intents, requestIds, groups);
        capacity = size;
        signatures = new ushort[size * MinHashSketch.Size];
        previous = new uint[size * Bands];
        ticks = new long[size];
        intents = new string?[size];
        requestIds = new string?[size];
        groups = new Group?[size];
        visited = new long[size];
        var tableSize = (int)Math.Min(1 << 22, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(size * Bands)));
        heads = new ulong[tableSize];
        headMask = tableSize - 1;
        Span<ulong> keys = stackalloc ulong[Bands];
        for (var id = firstAlive; id < nextId; id++)
        {
            int from = (int)(id % oldCapacity), to = (int)(id % size);
            oldSignatures.AsSpan(from * MinHashSketch.Size, MinHashSketch.Size).CopyTo(signatures.AsSpan(to * MinHashSketch.Size));
            oldPrevious.AsSpan(from * Bands, Bands).CopyTo(previous.AsSpan(to * Bands));
            ticks[to] = oldTicks[from];
            intents[to] = oldIntents[from];
            requestIds[to] = oldRequestIds[from];
            groups[to] = oldGroups[from];
            var rows = signatures.AsSpan(to * MinHashSketch.Size, MinHashSketch.Size);
            for (var b = 0; b < Bands; b++)
            {
                SetHead(BandKey(b, rows.Slice(b * Rows, Rows)), id);
            }
        }
    }

    private static ulong BandKey(int band, ReadOnlySpan<ushort> rows)
    {
        var key = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        foreach (var r in rows)
        {
            key = TextHash.Mix(key ^ r);
        }

        return key;
    }

    private sealed class Group
    {
        /// <summary>Members still inside the window; the threshold counts these.</summary>
        public int Members;

        /// <summary>Members ever joined; reported as the cluster's size.</summary>
        public int Total;

        public string? ClusterId;

        public long Matched;
    }
}
