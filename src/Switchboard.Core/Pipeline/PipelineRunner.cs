using Microsoft.Extensions.Logging;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Pipeline;

/// <summary>
/// Drains stored-but-unprocessed messages through the pipeline, oldest first. Used by the background
/// worker and by the replay command; a message that fails stays queued and is retried.
/// </summary>
public sealed class PipelineRunner(IMessageStore messages, MessagePipeline pipeline, ILogger<PipelineRunner> logger)
{
    /// <summary>Processes what is waiting; returns how many messages completed.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        var failed = new HashSet<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = (await messages.ListUnprocessedAsync(200, cancellationToken)).Where(id => !failed.Contains(id)).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var id in batch)
            {
                var stored = await messages.GetAsync(id, cancellationToken);
                if (stored is null)
                {
                    continue;
                }

                try
                {
                    var context = await pipeline.RunAsync(stored, cancellationToken);
                    if (context.Committed is not null)
                    {
                        completed++;
                    }
                    else
                    {
                        failed.Add(id);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PipelineFailed(logger, id, ex);
                    failed.Add(id);
                }
            }
        }

        return completed;
    }

    public async Task<int> BacklogAsync(CancellationToken cancellationToken) =>
        (await messages.ListUnprocessedAsync(10_000, cancellationToken)).Count;
}
