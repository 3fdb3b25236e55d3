namespace Switchboard.Speech.Whisper;

/// <summary>One segment of a whisper result; times are whisper's centiseconds converted.</summary>
internal sealed record WhisperSegment(TimeSpan Start, TimeSpan End, string Text);
