using System.ComponentModel.DataAnnotations;
using Switchboard.Speech.PocketSphinx;
using Switchboard.Speech.Whisper;

namespace Switchboard.Speech;

/// <summary>Voice-note transcription settings (section <c>Switchboard:Speech</c>).</summary>
public sealed class SpeechOptions
{
    public const string Section = "Switchboard:Speech";

    /// <summary>The Whisper engine. Without <see cref="WhisperOptions.ModelPath"/> pocketsphinx is used when installed.</summary>
    [Required]
    public WhisperOptions Whisper { get; set; } = new();

    /// <summary>The pocketsphinx fallback engine.</summary>
    [Required]
    public PocketSphinxOptions PocketSphinx { get; set; } = new();

    /// <summary>
    /// Threads for one transcription. Default 1: the bot shares a small box with its web host and
    /// a second thread makes whisper slower, not faster, when the other core is busy (perf-facts §2.2).
    /// </summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>"auto" (detect; English-only models always say "en") or an ISO 639-1 code such as "en". Default "auto".</summary>
    [Required]
    [RegularExpression("^(auto|[a-z]{2,3})$")]
    public string Language { get; set; } = "auto";

    /// <summary>Longest note transcribed, in seconds. Default 300 (5 minutes); longer notes get "needs listening".</summary>
    [Range(1, 3600)]
    public int MaxSeconds { get; set; } = 300;

    /// <summary>Largest note accepted, in bytes. Default 25 MB.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Per-note time limit for decoding plus recognition, in seconds. Default 120.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Notes waiting for the worker; when full, new notes fail fast as "queue full". Default 64.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 64;

    /// <summary>The ffmpeg executable (a name on PATH or an absolute path). Default "ffmpeg".</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Decode OGG/Opus in process with libopusfile instead of starting ffmpeg. Default true (falls back to ffmpeg when missing).</summary>
    public bool UseOpusFile { get; set; } = true;
}
