using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Pipeline;

/// <summary>
/// Runs the pipeline off the request path: connectors only store and acknowledge; this worker picks the
/// stored messages up (also those left by a crash) and drives them through every stage.
/// </summary>
public sealed class PipelineWorker(PipelineRunner runner, PipelineSignal signal, IOptions<PipelineOptions> options, ILogger<PipelineWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            Log.WorkerDisabled(logger);
            return;
        }

        var backlog = await runner.BacklogAsync(stoppingToken);
        Log.WorkerStarted(logger, backlog);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.DrainAsync(stoppingToken);
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.PipelineFailed(logger, 0, ex);
                await Task.Delay(Poll, stoppingToken);
            }
        }
    }
}
