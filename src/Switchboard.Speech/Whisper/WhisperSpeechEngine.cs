using Switchboard.Core.Enrich;
using Switchboard.Speech.Decoding;

namespace Switchboard.Speech.Whisper;

/// <summary>whisper.cpp in process: the model is loaded once and runs one note at a time.</summary>
internal sealed class WhisperSpeechEngine : ISpeechEngine, IDisposable
{
    private readonly WhisperModel _model;
    private readonly SpeechOptions _options;
    private readonly string _language;

    public WhisperSpeechEngine(WhisperModel model, SpeechOptions options)
    {
        _model = model;
        _options = options;
        _language = ResolveLanguage(model, options.Language);
        Name = $"whisper.cpp {model.Library.Version ?? "<1.8"} {model.ModelName}";
    }

    public string Name { get; }

    public bool LowConfidence => false;

    /// <summary>Loads the library and model named in <paramref name="options"/>; throws <see cref="WhisperLoadException"/> saying why not.</summary>
    public static WhisperSpeechEngine Load(SpeechOptions options, string nativePath)
    {
        var library = WhisperLibrary.Load(nativePath);
        var model = WhisperModel.Load(library, options.Whisper.ModelPath!);
        try
        {
            return new WhisperSpeechEngine(model, options);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // One second of silence with a trimmed window starts ggml's OpenMP pool and JITs the interop.
        var silence = new DecodedAudio(new float[DecodedAudio.SampleRate], AudioFormat.Wav);
        await TranscribeAsync(silence, progress: null, cancellationToken);
    }

    public Task<SpeechEngineResult> TranscribeAsync(DecodedAudio audio, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var audioContext = _options.Whisper.TrimAudioContext ? WhisperRunRequest.TrimmedAudioContext(audio.DurationSeconds) : 0;
        var request = new WhisperRunRequest(_options.Threads, _language, audioContext, _options.Whisper.TemperatureIncrement);

        // whisper_full blocks for up to seconds of CPU; it runs on a pool thread so the caller's loop stays responsive.
        return Task.Run(
            () =>
            {
                var result = _model.Run(audio.Samples, request, progress, cancellationToken);
                var segments = result.Segments
                    .Where(s => s.Text.Length > 0)
                    .Select(s => new TranscriptSegment(s.Start, s.End, s.Text))
                    .ToList();
                var text = string.Join(' ', segments.Select(s => s.Text));
                return new SpeechEngineResult(text, result.Language ?? (_language == "auto" ? null : _language), segments);
            },
            cancellationToken);
    }

    public void Dispose() => _model.Dispose();

    private static string ResolveLanguage(WhisperModel model, string configured)
    {
        if (!model.IsMultilingual)
        {
            // English-only (".en") models cannot detect a language: "auto" means English for them.
            return configured is "auto" or "en"
                ? "en"
                : throw new WhisperLoadException(
                    $"The model {model.ModelName} is English-only but Switchboard:Speech:Language is '{configured}'. Use a multilingual model (ggml-small.bin) or set the language to en or auto.");
        }

        return configured == "auto" || model.Library.IsKnownLanguage(configured)
            ? configured
            : throw new WhisperLoadException($"Switchboard:Speech:Language '{configured}' is not a language whisper knows; use auto or a code such as en, de, fr.");
    }
}
