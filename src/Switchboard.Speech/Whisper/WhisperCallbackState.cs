namespace Switchboard.Speech.Whisper;

/// <summary>Shared with whisper's abort and progress callbacks through a GCHandle for one call.</summary>
internal sealed class WhisperCallbackState(IProgress<int>? progress)
{
    private volatile bool _aborted;

    public bool Aborted => _aborted;

    public IProgress<int>? Progress { get; } = progress;

    public void Abort() => _aborted = true;
}
