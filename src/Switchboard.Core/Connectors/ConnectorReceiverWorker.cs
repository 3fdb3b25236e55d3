using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Connectors;

/// <summary>
/// Runs every connector's receive loop (long polling, gateways, sockets) under the host, restarting a
/// loop that fails with a growing delay, so one platform's trouble never stops the others.
/// </summary>
public sealed class ConnectorReceiverWorker(ConnectorRegistry connectors, IInboundSink sink, ILogger<ConnectorReceiverWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(connectors.All.Select(c => SuperviseAsync(c, stoppingToken)));

    private async Task SuperviseAsync(IChatConnector connector, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await connector.ReceiveAsync(sink, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ConnectorException ex) when (!ex.IsRetryable)
            {
                Log.ReceiverStopped(logger, connector.Name, ex.Failure, ex.Message);
                return;
            }
            catch (Exception ex)
            {
                Log.ReceiverFailed(logger, connector.Name, delay.TotalSeconds, ex);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }
}
