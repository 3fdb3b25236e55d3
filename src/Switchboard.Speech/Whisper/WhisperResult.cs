namespace Switchboard.Speech.Whisper;

/// <summary>What one <c>whisper_full</c> call produced.</summary>
internal sealed record WhisperResult(IReadOnlyList<WhisperSegment> Segments, string? Language);
