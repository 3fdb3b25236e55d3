using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Routing.Sla;

/// <summary>Runs the SLA monitor every few seconds; the clocks it reads are in the database.</summary>
public sealed partial class SlaWorker(SlaMonitor monitor, TimeProvider time, ILogger<SlaWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await monitor.CheckDueAsync(stoppingToken);
                await Task.Delay(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogMonitorFailed(logger, ex);
                await Task.Delay(Poll, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "SLA monitor failed; retrying")]
    private static partial void LogMonitorFailed(ILogger logger, Exception exception);
}
