namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// What a clusterer decided for one message. <paramref name="Topic"/> is what an outage incident is about
/// ("service", "login"…) when it was grouped by what is broken; null for near-duplicate clusters.
/// <paramref name="EarlierMembers"/>: only on the opening assignment, the request ids of the group's members still
/// inside the window that arrived before it (oldest first), so the reports that led up to the incident can be
/// folded into it; null otherwise.
/// </summary>
internal readonly record struct ClusterAssignment(string? ClusterId, int Size, bool Opens, string? Topic = null, IReadOnlyList<string>? EarlierMembers = null)
{
    public static ClusterAssignment None => default;
}
