using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// Groups near-duplicate reports across all platforms over a sliding time window. Each message's MinHash
/// signature is banded (locality-sensitive hashing: <see cref="Bands"/> bands of 2 rows) so candidates are
/// found without comparing against the whole window; a candidate joins when the estimated Jaccard
/// similarity reaches the threshold and the intents match. When a group holds <c>threshold</c> members
/// inside the window it becomes an incident cluster: the message that completes it opens it, later
/// members join it. Time is the message's own timestamp, so a replay faster than real time clusters as
/// live traffic would. Thread-safe: one lock, held for microseconds.
/// </summary>
/// <remarks>
/// Messages live in a ring in arrival order, so eviction is a pointer move. Each band bucket is a chain
/// through the ring (latest message per bucket key in one dictionary, each message linking to the previous
/// one with the same key), which keeps the hot path free of per-bucket lists and allocations.
/// </remarks>
internal sealed class NearDuplicateClusterer
{
    public const int Bands = MinHashSketch.Size / Rows;
    private const int Rows = 2;

    /// <summary>Fewer content words than this give signatures too coarse to call two messages the same report.</summary>
    private const int MinShingles = 2;

    /// <summary>
    /// Most recent messages followed per bucket, and most signatures compared per message: during a surge
    /// every report lands in the same buckets, and comparing with its latest members is enough to join.
    /// Each message followed is a few cache misses, so these bounds are what keeps clustering cheap.
    /// </summary>
    private const int MaxBucket = 4;
    private const int MaxComparisons = 48;

    private readonly Lock gate = new();
    private readonly Dictionary<ulong, long> latestByKey = [];
    private readonly Entry?[] ring;
    private readonly int threshold;
    private readonly TimeSpan window;
    private readonly double similarity;
    private long nextId;
    private long firstAlive;
    private long stamp;
    private long clusters;

    public NearDuplicateClusterer(int threshold, TimeSpan window, double similarity, int maxEntries)
    {
        this.threshold = threshold;
        this.window = window;
        this.similarity = similarity;
        ring = new Entry?[Math.Max(16, maxEntries)];
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

    public ClusterAssignment Assign(ReadOnlySpan<ulong> signature, int shingles, string intent, DateTimeOffset timestamp)
    {
        if (shingles < MinShingles)
        {
            return ClusterAssignment.None;
        }

        var keys = new ulong[Bands];
        for (var b = 0; b < Bands; b++)
        {
            keys[b] = BandKey(b, signature.Slice(b * Rows, Rows));
        }

        var copy = signature.ToArray();
        lock (gate)
        {
            Evict(timestamp);
            var visit = ++stamp;
            Entry? best = null;
            var bestSimilarity = 0.0;
            var comparisons = 0;
            var previous = new long[Bands];
            for (var b = 0; b < Bands; b++)
            {
                if (!latestByKey.TryGetValue(keys[b], out var id))
                {
                    previous[b] = -1;
                    continue;
                }

                previous[b] = id;
                for (var steps = 0; id >= firstAlive && steps < MaxBucket && comparisons < MaxComparisons; steps++)
                {
                    var candidate = ring[id % ring.Length]!;
                    id = candidate.Previous[b];
                    if (candidate.Visited == visit || candidate.Group.Matched == visit)
                    {
                        continue;
                    }

                    candidate.Visited = visit;
                    if (!string.Equals(candidate.Intent, intent, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    comparisons++;
                    var s = MinHashSketch.Similarity(candidate.Signature, copy);
                    if (s >= similarity)
                    {
                        // One member above the threshold is enough for its group; prefer a group that is
                        // already an incident, then the closest.
                        candidate.Group.Matched = visit;
                        var better = best is null
                            || (best.Group.ClusterId is null && candidate.Group.ClusterId is not null)
                            || (s > bestSimilarity && (candidate.Group.ClusterId is not null || best.Group.ClusterId is null));
                        if (better)
                        {
                            best = candidate;
                            bestSimilarity = s;
                        }
                    }
                }
            }

            var group = best?.Group ?? new Group();
            var entry = new Entry(nextId, copy, keys, previous, intent, timestamp, group);
            ring[nextId % ring.Length] = entry;
            for (var b = 0; b < Bands; b++)
            {
                latestByKey[keys[b]] = nextId;
            }

            nextId++;
            group.Members++;
            group.Total++;
            var opens = false;
            if (group.ClusterId is null && group.Members >= threshold)
            {
                group.ClusterId = $"cl-{timestamp.UtcDateTime:yyyyMMddHHmm}-{++clusters}";
                opens = true;
            }

            return group.ClusterId is null ? ClusterAssignment.None : new ClusterAssignment(group.ClusterId, group.Total, opens);
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var oldest = now - window;
        while (firstAlive < nextId)
        {
            var entry = ring[firstAlive % ring.Length]!;
            if (entry.Timestamp >= oldest && nextId - firstAlive < ring.Length)
            {
                break;
            }

            entry.Group.Members--;
            for (var b = 0; b < Bands; b++)
            {
                // Drop the bucket key only if this entry is still its latest; otherwise the chain just ends here.
                if (latestByKey.TryGetValue(entry.Keys[b], out var latest) && latest == entry.Id)
                {
                    latestByKey.Remove(entry.Keys[b]);
                }
            }

            ring[firstAlive % ring.Length] = null;
            firstAlive++;
        }
    }

    private static ulong BandKey(int band, ReadOnlySpan<ulong> rows)
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

    private sealed class Entry(long id, ulong[] signature, ulong[] keys, long[] previous, string intent, DateTimeOffset timestamp, Group group)
    {
        public long Id { get; } = id;

        public ulong[] Signature { get; } = signature;

        public ulong[] Keys { get; } = keys;

        /// <summary>Per band, the id of the previous message with the same bucket key (-1: none).</summary>
        public long[] Previous { get; } = previous;

        public string Intent { get; } = intent;

        public DateTimeOffset Timestamp { get; } = timestamp;

        public Group Group { get; } = group;

        public long Visited { get; set; }
    }
}
