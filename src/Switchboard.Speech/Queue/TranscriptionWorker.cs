using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Speech.Queue;

/// <summary>
/// Drains the transcription queue one note at a time (whisper saturates the cores it is given; running
/// notes in parallel only splits them). Warms the engine up first so the first note is not slow.
/// </summary>
internal sealed class TranscriptionWorker(
    TranscriptionQueue queue,
    VoiceNoteTranscriber transcriber,
    ISpeechEngine engine,
    ILogger<TranscriptionWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Attached here, not in ExecuteAsync: since .NET 10 ExecuteAsync starts on a background thread, and
        // notes arriving before it runs must queue (behind the warm-up) rather than run inline.
        queue.AttachWorker();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Also covers a stop before ExecuteAsync ever ran.
        queue.Complete();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WarmUpAsync(stoppingToken);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var job))
                {
                    await ProcessAsync(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is an outcome, not an error.
        }
        finally
        {
            queue.Complete();
        }
    }

    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await engine.WarmUpAsync(stoppingToken);
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.WarmedUp(elapsedMs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WarmUpFailed(ex);
        }
    }

    private async Task ProcessAsync(TranscriptionJob job, CancellationToken stoppingToken)
    {
        if (job.CallerToken.IsCancellationRequested)
        {
            job.Completion.TrySetCanceled(job.CallerToken);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.CallerToken, stoppingToken);
        try
        {
            var transcript = await transcriber.TranscribeAsync(job.Audio, progress: null, linked.Token);
            job.Completion.TrySetResult(transcript);
        }
        catch (OperationCanceledException) when (job.CallerToken.IsCancellationRequested)
        {
            job.Completion.TrySetCanceled(job.CallerToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Completion.TrySetException(
                new VoiceTranscriptionException(VoiceTranscriptionFailure.ShuttingDown, "Switchboard stopped while the voice note was being transcribed."));
            throw;
        }
        catch (Exception ex)
        {
            // One note's failure (corrupt audio, timeout, engine error) must not stop the worker.
            job.Completion.TrySetException(ex);
        }
    }
}
