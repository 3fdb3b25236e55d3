using Switchboard.Speech.Decoding;

namespace Switchboard.Speech;

/// <summary>Used when no engine could be set up: every note fails clearly so its case gets "needs listening".</summary>
internal sealed class UnavailableSpeechEngine(string reason) : ISpeechEngine
{
    public string Name => "none";

    public bool LowConfidence => true;

    public string Reason { get; } = reason;

    public Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SpeechEngineResult> TranscribeAsync(DecodedAudio audio, IProgress<int>? progress, CancellationToken cancellationToken) =>
        throw new VoiceTranscriptionException(VoiceTranscriptionFailure.EngineUnavailable, "Voice transcription is not set up: " + Reason);
}
