using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Enrich;

namespace Switchboard.Speech.Queue;

/// <summary>
/// The <see cref="IVoiceTranscriber"/> the pipeline gets: it checks the size at once, puts the note on a
/// bounded queue and awaits the <see cref="TranscriptionWorker"/>. A full queue fails fast with
/// <see cref="VoiceTranscriptionFailure.QueueFull"/> rather than holding up the enrich stage, so a burst of
/// voice notes opens cases flagged "needs listening" instead of stalling text messages behind them.
/// Where no worker runs (a CLI verb or a test host built without hosted services) notes are transcribed
/// inline instead of waiting forever for a worker that never comes.
/// </summary>
internal sealed class TranscriptionQueue(VoiceNoteTranscriber transcriber, IOptions<SpeechOptions> options) : IVoiceTranscriber
{
    private readonly Channel<TranscriptionJob> _channel = Channel.CreateBounded<TranscriptionJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private const int NoWorker = 0;
    private const int WorkerRunning = 1;
    private const int WorkerStopped = 2;

    private int _workerState;

    internal ChannelReader<TranscriptionJob> Reader => _channel.Reader;

    /// <summary>Notes waiting (not counting the one being transcribed).</summary>
    public int Count => _channel.Reader.Count;

    public async Task<VoiceTranscript> TranscribeAsync(DownloadedFile audio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        transcriber.CheckSize(audio);
        switch (Volatile.Read(ref _workerState))
        {
            case NoWorker:
                return await transcriber.TranscribeAsync(audio, progress: null, cancellationToken);
            case WorkerStopped:
                throw new VoiceTranscriptionException(VoiceTranscriptionFailure.ShuttingDown, "Switchboard is stopping; the voice note was not transcribed.");
        }

        var job = new TranscriptionJob(audio, cancellationToken);
        if (!_channel.Writer.TryWrite(job))
        {
            throw new VoiceTranscriptionException(
                VoiceTranscriptionFailure.QueueFull,
                $"{options.Value.QueueCapacity} voice notes are already waiting for transcription.");
        }

        return await job.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The worker has started draining: from now on notes are queued.</summary>
    internal void AttachWorker() => Interlocked.CompareExchange(ref _workerState, WorkerRunning, NoWorker);

    /// <summary>Stops accepting notes and fails the ones still waiting with ShuttingDown. Safe to call twice.</summary>
    internal void Complete()
    {
        Volatile.Write(ref _workerState, WorkerStopped);
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var waiting))
        {
            waiting.Completion.TrySetException(
                new VoiceTranscriptionException(VoiceTranscriptionFailure.ShuttingDown, "Switchboard stopped before the voice note was transcribed."));
        }
    }
}
