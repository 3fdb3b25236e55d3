using Microsoft.Extensions.Hosting;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>Runs the connector's receive loop as the host will, and tells the test when it returned.</summary>
internal sealed class SlackReceiveWorker(IEnumerable<IChatConnector> connectors, LoopbackReviewSink sink) : BackgroundService
{
    public TaskCompletionSource Returned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connector = connectors.Single(c => c.Name == "slack");
        try
        {
            await connector.ReceiveAsync(sink, stoppingToken);
            Returned.TrySetResult();
        }
        catch (Exception ex)
        {
            Returned.TrySetException(ex);
        }
    }
}
