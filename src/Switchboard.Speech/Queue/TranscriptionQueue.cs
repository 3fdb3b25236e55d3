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
/// </summary>
internal sealed class TranscriptionQueue(VoiceNoteTranscriber transcriber, IOptions<SpeechOptions> options) : IVoiceTranscriber
{
    private readonly Channel<TranscriptionJob> _channel = Channel.CreateBounded<TranscriptionJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    internal ChannelReader<TranscriptionJob> Reader => _channel.Reader;

    /// <summary>Notes waiting (not counting the one being transcribed).</summary>
    public int Count => _channel.Reader.Count;

    public async Task<VoiceTranscript> TranscribeAsync(DownloadedFile audio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        transcriber.CheckSize(audio);
        var job = new TranscriptionJob(audio, cancellationToken);
        if (!_channel.Writer.TryWrite(job))
        {
            throw new VoiceTranscriptionException(
                VoiceTranscriptionFailure.QueueFull,
                $"{options.Value.QueueCapacity} voice notes are already waiting for transcription.");
        }

        return await job.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting notes; the worker fails the ones still waiting with ShuttingDown.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
