using Microsoft.Extensions.Logging;

namespace Switchboard.Speech;

/// <summary>Speech log events. Never logs transcript text or audio (personal data).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Voice transcription engine: {Engine}")]
    public static partial void EngineSelected(this ILogger logger, string engine);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Whisper is configured but cannot be used; falling back: {Reason}")]
    public static partial void WhisperUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "No voice transcription engine; voice notes will be flagged 'needs listening': {Reason}")]
    public static partial void NoEngine(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Speech engine warmed up in {ElapsedMs} ms")]
    public static partial void WarmedUp(this ILogger logger, long elapsedMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Speech engine warm-up failed")]
    public static partial void WarmUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Transcribed a {AudioSeconds:F1} s {Format} note with {Engine} in {ElapsedMs} ms ({Segments} segments)")]
    public static partial void Transcribed(this ILogger logger, double audioSeconds, string format, string engine, long elapsedMs, int segments);

    // The message is ours (limits, ffmpeg's reason): no audio content, no transcript; the stack adds nothing.
    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Voice note not transcribed ({Reason}): {Detail}")]
    public static partial void TranscriptionFailed(this ILogger logger, VoiceTranscriptionFailure reason, string detail);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Voice note transcription cancelled by the caller")]
    public static partial void TranscriptionCancelled(this ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "whisper.cpp: {Line}")]
    public static partial void WhisperNative(this ILogger logger, string line);
}
