namespace Switchboard.Speech;

/// <summary>Why a voice note got no transcript; every one of them opens the case with "needs listening".</summary>
public enum VoiceTranscriptionFailure
{
    /// <summary>No engine: no Whisper model configured and pocketsphinx not installed.</summary>
    EngineUnavailable,

    /// <summary>Larger than Switchboard:Speech:MaxBytes.</summary>
    TooLarge,

    /// <summary>Longer than Switchboard:Speech:MaxSeconds.</summary>
    TooLong,

    /// <summary>Not an audio format Switchboard decodes.</summary>
    UnsupportedFormat,

    /// <summary>A known format that could not be decoded (damaged or truncated).</summary>
    CorruptAudio,

    /// <summary>Took longer than Switchboard:Speech:TimeoutSeconds.</summary>
    Timeout,

    /// <summary>Switchboard:Speech:QueueCapacity notes were already waiting.</summary>
    QueueFull,

    /// <summary>The engine failed (a native error or a crashed recognizer process).</summary>
    EngineFailed,

    /// <summary>The host is stopping.</summary>
    ShuttingDown,
}
