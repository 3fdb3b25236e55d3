using Switchboard.Core.Connectors;

namespace Switchboard.Core.Enrich;

/// <summary>
/// Turns a downloaded voice note into text. Implementations (whisper.cpp, pocketsphinx) live in
/// Switchboard.Speech; the enrich stage calls this so voice notes are triaged like text.
/// </summary>
public interface IVoiceTranscriber
{
    Task<VoiceTranscript> TranscribeAsync(DownloadedFile audio, CancellationToken cancellationToken);
}

/// <param name="Text">The transcript (may be empty when nothing was recognized).</param>
/// <param name="Language">Detected or configured ISO 639-1 language.</param>
/// <param name="Segments">Per-segment text with start and end offsets.</param>
/// <param name="DurationSeconds">The note's length.</param>
/// <param name="Engine">Engine and model that produced it, for the audit log ("whisper.cpp 1.9.1 ggml-base.en").</param>
/// <param name="LowConfidence">True for the fallback engine or a weak result: the card says so.</param>
public sealed record VoiceTranscript(
    string Text,
    string? Language,
    IReadOnlyList<TranscriptSegment> Segments,
    double DurationSeconds,
    string Engine,
    bool LowConfidence);

public sealed record TranscriptSegment(TimeSpan Start, TimeSpan End, string Text);
