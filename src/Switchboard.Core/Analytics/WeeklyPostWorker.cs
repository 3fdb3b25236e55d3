using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Analytics;

/// <summary>Checks on a timer (TimeProvider) whether the weekly KPI snapshot and retro are due, and queues them.</summary>
public sealed class WeeklyPostWorker(WeeklyPostPublisher publisher, IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<WeeklyPostWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SnapshotChannel is null)
        {
            Log.WeeklyPostsDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await publisher.PublishDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.WeeklyPostFailed(logger, ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.SnapshotCheckSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
