namespace Switchboard.Speech;

/// <summary>
/// A voice note could not be transcribed. The enrich stage opens the case anyway with the audio linked and a
/// "needs listening" flag; <see cref="Exception.Message"/> is written for the agent (no audio content, no paths).
/// </summary>
public sealed class VoiceTranscriptionException(VoiceTranscriptionFailure reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public VoiceTranscriptionFailure Reason { get; } = reason;
}
