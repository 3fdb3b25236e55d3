using Microsoft.Extensions.Options;

namespace Switchboard.Core.Analytics;

/// <summary>Loads the cases a filter needs from the store and computes the report at the current time.</summary>
public sealed class KpiService(IAnalyticsStore store, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public async Task<KpiReport> ComputeAsync(KpiFilter filter, CancellationToken cancellationToken)
    {
        var config = options.Value;
        // Message texts are read only for keyword campaigns: most reports never need them.
        var cases = await store.LoadCasesAsync(filter.From, filter.To, filter.Campaign is not null && config.Campaigns.Count > 0, cancellationToken);
        return KpiEngine.Compute(cases, filter, config, time.GetUtcNow());
    }
}
