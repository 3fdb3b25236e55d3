namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// What a clusterer decided for one message. <paramref name="Topic"/> is what an outage incident is about
/// ("service", "login"…) when it was grouped by what is broken; null for near-duplicate clusters.
/// </summary>
internal readonly record struct ClusterAssignment(string? ClusterId, int Size, bool Opens, string? Topic = null)
{
    public static ClusterAssignment None => default;
}
