namespace Switchboard.Speech.Whisper;

/// <summary>What one <c>whisper_full</c> call should do beyond the library defaults.</summary>
/// <param name="Threads">n_threads.</param>
/// <param name="Language">A whisper language code, or "auto" to detect (multilingual models only).</param>
/// <param name="AudioContext">audio_ctx: encoder frames to use (50 per second, 0 = the full 30 s window).</param>
/// <param name="TemperatureIncrement">temperature_inc, or null for the library default.</param>
internal sealed record WhisperRunRequest(int Threads, string Language, int AudioContext, float? TemperatureIncrement)
{
    /// <summary>The full encoder window: 1500 frames = 30 s.</summary>
    public const int FullWindow = 1500;

    /// <summary>
    /// audio_ctx for a note of <paramref name="seconds"/>: 50 frames a second plus 64 frames of margin,
    /// so the encoder does not pay for the silent rest of the 30 s window (5–8× faster on a 4 s note).
    /// 0 (the full window) for notes of 30 s and longer.
    /// </summary>
    public static int TrimmedAudioContext(double seconds)
    {
        var frames = (int)Math.Ceiling(seconds * 50) + 64;
        return frames >= FullWindow ? 0 : frames;
    }
}
