using Switchboard.Core.Enrich;

namespace Switchboard.Speech;

/// <summary>What an engine recognized in one note.</summary>
internal sealed record SpeechEngineResult(string Text, string? Language, IReadOnlyList<TranscriptSegment> Segments);
