namespace Switchboard.Core.Triage.Clustering;

/// <summary>What the clusterer decided for one message.</summary>
internal readonly record struct ClusterAssignment(string? ClusterId, int Size, bool Opens)
{
    public static ClusterAssignment None => default;
}
