using Switchboard.Speech.Decoding;

namespace Switchboard.Speech;

/// <summary>A recognizer behind the transcriber: whisper.cpp in process, pocketsphinx as a process, or none.</summary>
internal interface ISpeechEngine
{
    /// <summary>Engine and model for the audit trail ("whisper.cpp 1.9.1 ggml-base.en").</summary>
    string Name { get; }

    /// <summary>True for engines whose transcripts the card marks as low confidence (pocketsphinx).</summary>
    bool LowConfidence { get; }

    /// <summary>One small run at startup so the first real note does not pay for thread pools and JIT.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken);

    Task<SpeechEngineResult> TranscribeAsync(DecodedAudio audio, IProgress<int>? progress, CancellationToken cancellationToken);
}
