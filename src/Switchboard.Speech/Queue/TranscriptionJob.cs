using Switchboard.Core.Connectors;
using Switchboard.Core.Enrich;

namespace Switchboard.Speech.Queue;

/// <summary>A voice note waiting for the worker, and where its outcome goes.</summary>
internal sealed record TranscriptionJob(DownloadedFile Audio, CancellationToken CallerToken)
{
    public TaskCompletionSource<VoiceTranscript> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
