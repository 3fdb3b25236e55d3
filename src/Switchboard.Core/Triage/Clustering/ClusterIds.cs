namespace Switchboard.Core.Triage.Clustering;

/// <summary>
/// Incident cluster ids ("cl-yyyyMMddHHmm-N"), one sequence per engine, shared by its near-duplicate and
/// outage clusterers so two incidents opened in the same minute never get the same id.
/// </summary>
internal sealed class ClusterIds
{
    private long count;

    public string Next(DateTimeOffset timestamp) => $"cl-{timestamp.UtcDateTime:yyyyMMddHHmm}-{Interlocked.Increment(ref count)}";
}
