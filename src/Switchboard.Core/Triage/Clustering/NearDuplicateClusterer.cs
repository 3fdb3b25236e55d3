namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// Groups near-duplicate reports across all platforms over a sliding time window. Each message's MinHash
/// signature is banded (locality-sensitive hashing: 32 bands of 2 rows) so candidates are found without
/// comparing against the whole window; a candidate joins when the estimated Jaccard similarity reaches
/// the threshold and the intents match. When a group holds <c>threshold</c> members inside the window it
/// becomes an incident cluster: the message that completes it opens it, later members join it.
/// Time is the message's own timestamp, so a replay faster than real time clusters as live traffic would.
/// Thread-safe: one lock, held for microseconds.
/// </summary>
internal sealed class NearDuplicateClusterer(int threshold, TimeSpan window, double similarity, int maxEntries)
{
    private const int Bands = 32;
    private const int Rows = MinHashSketch.Size / Bands;

    /// <summary>Fewer content words than this give signatures too coarse to call two messages the same report.</summary>
    private const int MinShingles = 2;

    /// <summary>
    /// Most recent entries kept per LSH bucket, and most signatures compared per message: during a surge
    /// every report lands in the same buckets, and comparing with its latest members is enough to join.
    /// </summary>
    private const int MaxBucket = 16;
    private const int MaxComparisons = 64;

    private readonly Lock gate = new();
    private readonly Queue<Entry> entries = new();
    private readonly Dictionary<ulong, List<Entry>>[] bands = CreateBands();
    private long sequence;
    private long clusters;

    public ClusterAssignment Assign(ReadOnlySpan<ulong> signature, int shingles, string intent, DateTimeOffset timestamp)
    {
        if (shingles < MinShingles)
        {
            return ClusterAssignment.None;
        }

        Span<ulong> keys = stackalloc ulong[Bands];
        for (var b = 0; b < Bands; b++)
        {
            keys[b] = BandKey(b, signature.Slice(b * Rows, Rows));
        }

        lock (gate)
        {
            Evict(timestamp);
            var stamp = ++sequence;
            Entry? best = null;
            var bestSimilarity = 0.0;
            var comparisons = 0;
            for (var b = 0; b < Bands && comparisons < MaxComparisons; b++)
            {
                if (!bands[b].TryGetValue(keys[b], out var list))
                {
                    continue;
                }

                for (var j = list.Count - 1; j >= 0 && comparisons < MaxComparisons; j--)
                {
                    var candidate = list[j];
                    if (candidate.Visited == stamp || candidate.Group.Matched == stamp)
                    {
                        continue;
                    }

                    candidate.Visited = stamp;
                    comparisons++;
                    if (!string.Equals(candidate.Intent, intent, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var s = MinHashSketch.Similarity(candidate.Signature, signature);
                    if (s >= similarity)
                    {
                        // One member above the threshold is enough for its group; prefer a group that is
                        // already an incident, then the closest.
                        candidate.Group.Matched = stamp;
                        if (best is null || (best.Group.ClusterId is null && candidate.Group.ClusterId is not null) || (s > bestSimilarity && (candidate.Group.ClusterId is not null || best.Group.ClusterId is null)))
                        {
                            best = candidate;
                            bestSimilarity = s;
                        }
                    }
                }
            }

            var group = best?.Group ?? new Group();
            var entry = new Entry(signature.ToArray(), keys.ToArray(), intent, timestamp, group);
            entries.Enqueue(entry);
            for (var b = 0; b < Bands; b++)
            {
                if (!bands[b].TryGetValue(keys[b], out var list))
                {
                    list = [];
                    bands[b][keys[b]] = list;
                }

                if (list.Count >= MaxBucket)
                {
                    list.RemoveAt(0);
                }

                list.Add(entry);
            }

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

    /// <summary>Messages in the window (for tests and diagnostics).</summary>
    public int WindowCount
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var oldest = now - window;
        while (entries.Count > 0 && (entries.Peek().Timestamp < oldest || entries.Count >= maxEntries))
        {
            var entry = entries.Dequeue();
            entry.Group.Members--;
            for (var b = 0; b < Bands; b++)
            {
                if (bands[b].TryGetValue(entry.Keys[b], out var list))
                {
                    list.Remove(entry);
                    if (list.Count == 0)
                    {
                        bands[b].Remove(entry.Keys[b]);
                    }
                }
            }
        }
    }

    private static ulong BandKey(int band, ReadOnlySpan<ulong> rows)
    {
        var key = (ulong)band * 0x9E3779B97F4A7C15UL;
        foreach (var r in rows)
        {
            key = Normalization.TextHash.Mix(key ^ r);
        }

        return key;
    }

    private static Dictionary<ulong, List<Entry>>[] CreateBands()
    {
        var result = new Dictionary<ulong, List<Entry>>[Bands];
        for (var b = 0; b < Bands; b++)
        {
            result[b] = [];
        }

        return result;
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

    private sealed class Entry(ulong[] signature, ulong[] keys, string intent, DateTimeOffset timestamp, Group group)
    {
        public ulong[] Signature { get; } = signature;

        public ulong[] Keys { get; } = keys;

        public string Intent { get; } = intent;

        public DateTimeOffset Timestamp { get; } = timestamp;

        public Group Group { get; } = group;

        public long Visited { get; set; }
    }
}
