using System.Runtime.CompilerServices;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// Clusters outage reports by what they say is broken rather than by how they say it. Real paraphrases of one
/// outage ("app won't load", "site down?", "servers down? blank screen") share too few words for near-duplicate
/// similarity, but they do name the same thing: either a feature (login, checkout, delivery tracking…, from
/// <see cref="TriageOptions.ClusterOutageFeatures"/>) or the service as a whole (a service word such as app,
/// site, server, error from <see cref="TriageOptions.ClusterOutageServiceWords"/>, or an outage word such as
/// down, offline, 503 from <see cref="TriageOptions.ClusterOutageWords"/>).
/// Reports about the same thing within the window form one group; <c>threshold</c> live members make it an
/// incident. While a whole-service incident is open, a report about a feature with no incident of its own
/// joins it (when everything is down, checkout is too); two features failing at once make two incidents.
/// A message the model called outage is placed when it names a feature, a service word or an outage word;
/// a message it gave another clustered intent (during an outage the model also says product_issue, account or
/// order_status) only when it carries an outage word and names a feature or a service word, so ordinary
/// complaints and chatter stay out. A message not placed is left to the near-duplicate clusterer. Thread-safe: one lock, a few dictionary lookups.
/// </summary>
internal sealed class OutageClusterer
{
    /// <summary>The key of whole-service reports (no feature named).</summary>
    public const string Service = "service";

    private readonly Lock gate = new();
    private readonly Dictionary<ulong, string> features = [];
    private readonly HashSet<ulong> serviceWords = [];
    private readonly HashSet<ulong> outageWords = [];
    private readonly Dictionary<string, Group> live = new(StringComparer.Ordinal);
    // The request id rides along (a reference to the caller's string, no allocation) to name a new incident's earlier members.
    private readonly Queue<(long Ticks, Group Group, string? RequestId)> window = new();
    private readonly int threshold;
    private readonly long windowTicks;
    private readonly int maxEntries;
    private readonly ClusterIds ids;

    public OutageClusterer(
        int threshold,
        TimeSpan window,
        int maxEntries,
        IReadOnlyDictionary<string, List<string>> featureWords,
        IEnumerable<string> serviceWords,
        IEnumerable<string> outageWords,
        ClusterIds? ids = null)
    {
        this.threshold = threshold;
        windowTicks = window.Ticks;
        this.maxEntries = Math.Max(16, maxEntries);
        this.ids = ids ?? new ClusterIds();
        foreach (var (feature, words) in featureWords)
        {
            foreach (var word in words)
            {
                features.TryAdd(HashOf(word), feature);
            }
        }

        foreach (var word in serviceWords)
        {
            this.serviceWords.Add(HashOf(word));
        }

        foreach (var word in outageWords)
        {
            this.outageWords.Add(HashOf(word));
        }
    }

    /// <summary>Messages in the window (for tests and diagnostics).</summary>
    public int WindowCount
    {
        get
        {
            lock (gate)
            {
                return window.Count;
            }
        }
    }

    /// <summary>
    /// Places a report. <paramref name="outageIntent"/>: the model called it outage. False when it is not
    /// placed (names nothing to group by, or another intent without an outage word): the caller falls back to
    /// near-duplicate clustering.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAssign(TokenizedText tokens, DateTimeOffset timestamp, bool outageIntent, out ClusterAssignment assignment, string? requestId = null)
    {
        assignment = ClusterAssignment.None;
        var service = false;
        var outage = false;
        string? first = null, second = null, third = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens.Kinds[i];
            if (kind is not (TokenKind.Word or TokenKind.Hashtag or TokenKind.Number))
            {
                continue;
            }

            var hash = tokens.Hashes[i];
            var text = tokens.Text(i);
            if (!features.TryGetValue(hash, out var feature) && text.Length > 3 && text[^1] == 's' && text[^2] != 's')
            {
                // Plurals name the same thing: "payments", "servers".
                hash = TextHash.Of(text[..^1]);
                features.TryGetValue(hash, out feature);
            }

            if (feature is null)
            {
                var raw = tokens.Hashes[i];
                outage |= outageWords.Contains(hash) || outageWords.Contains(raw);
                service |= serviceWords.Contains(hash) || serviceWords.Contains(raw);
            }
            else if (first is null || first == feature)
            {
                first = feature;
            }
            else if (second is null || second == feature)
            {
                second = feature;
            }
            else
            {
                third ??= feature;
            }
        }

        // Another intent needs both an outage word and something that can be down ("the app is down", "login
        // returns 503"), so "battery went down" or "slow to load content" stay ordinary complaints.
        if (outageIntent ? first is null && !service && !outage : !outage || (first is null && !service))
        {
            return false;
        }

        var now = timestamp.UtcTicks;
        lock (gate)
        {
            Evict(now);
            var group = first is null ? Find(Service) : Choose(first, second, third);
            if (group is null)
            {
                var key = first ?? Service;
                group = new Group(key);
                live[key] = group;
            }

            window.Enqueue((now, group, requestId));
            group.Members++;
            group.Total++;
            if (group.ClusterId is null && group.Members >= threshold)
            {
                group.ClusterId = ids.Next(timestamp);
                assignment = new ClusterAssignment(group.ClusterId, group.Total, true, group.Key, EarlierMembers(group));
                return true;
            }

            assignment = group.ClusterId is null ? ClusterAssignment.None : new ClusterAssignment(group.ClusterId, group.Total, false, group.Key);
            return true;
        }
    }

    /// <summary>
    /// The group a feature report joins: a feature with an open incident first, then the feature with most
    /// live reports; null when none of the named features has a group yet.
    /// </summary>
    private Group? Choose(string first, string? second, string? third)
    {
        Group? best = null;
        foreach (var feature in (ReadOnlySpan<string?>)[first, second, third])
        {
            if (feature is not null && Find(feature) is { } group
                && (best is null || (group.ClusterId is not null && best.ClusterId is null) || ((group.ClusterId is null) == (best.ClusterId is null) && group.Members > best.Members)))
            {
                best = group;
            }
        }

        // A feature without an incident of its own, during a whole-service incident, is part of that incident.
        if (best?.ClusterId is null && Find(Service) is { ClusterId: not null } service)
        {
            return service;
        }

        return best;
    }

    /// <summary>
    /// The request ids of the group's live members before the newest one (the one just queued), oldest first.
    /// Only when a cluster opens; the walk stops once it has seen every live member but the newest.
    /// </summary>
    private List<string> EarlierMembers(Group group)
    {
        var found = new List<string>(group.Members - 1);
        var wanted = group.Members - 1;
        foreach (var (_, member, requestId) in window)
        {
            if (wanted == 0)
            {
                break;
            }

            if (member == group)
            {
                wanted--;
                if (requestId is not null)
                {
                    found.Add(requestId);
                }
            }
        }

        return found;
    }

    private Group? Find(string key) => live.TryGetValue(key, out var group) ? group : null;

    private void Evict(long now)
    {
        var oldest = now - windowTicks;
        while (window.Count > 0 && (window.Peek().Ticks < oldest || window.Count >= maxEntries))
        {
            var (_, group, _) = window.Dequeue();
            if (--group.Members == 0 && live.TryGetValue(group.Key, out var current) && current == group)
            {
                live.Remove(group.Key);
            }
        }
    }

    private static ulong HashOf(string word)
    {
        // Configured words go through the tokenizer, so they match however the message spells them.
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(word, tokens);
        return tokens.Count == 1 ? tokens.Hashes[0] : TextHash.Of(word.ToLowerInvariant());
    }

    private sealed class Group(string key)
    {
        public string Key { get; } = key;

        /// <summary>Members still inside the window; the threshold counts these.</summary>
        public int Members { get; set; }

        /// <summary>Members ever joined; reported as the cluster's size.</summary>
        public int Total { get; set; }

        public string? ClusterId { get; set; }
    }
}
