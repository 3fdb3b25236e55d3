namespace Switchboard.Speech.Whisper;

/// <summary>whisper.cpp settings (section <c>Switchboard:Speech:Whisper</c>).</summary>
public sealed class WhisperOptions
{
    /// <summary>A ggml model file such as ggml-base.en.bin. Default none: Whisper is off.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The folder holding libwhisper.so.1 (and libggml*), or the library file itself.
    /// Default null: native/linux-x64 under the current directory or beside the app, as eng/install/speech.sh builds it.
    /// </summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary>Trim the encoder window (audio_ctx) to the length of notes under 30 s. Default true; it is 5–8× faster on short notes.</summary>
    public bool TrimAudioContext { get; set; } = true;

    /// <summary>
    /// Temperature increment for whisper's fallback decoding. Default null keeps the library's 0.2;
    /// 0 disables fallback (faster, used by benchmarks and tests on weightless models).
    /// </summary>
    public float? TemperatureIncrement { get; set; }

    /// <summary>Refuse to start the host when the configured model or library cannot be loaded. Default false (fall back to pocketsphinx).</summary>
    public bool Required { get; set; }
}
