using Microsoft.Extensions.Logging;
using Switchboard.Speech.PocketSphinx;
using Switchboard.Speech.Whisper;

namespace Switchboard.Speech;

/// <summary>
/// Picks the engine once at startup: Whisper when a model is configured and loads, else pocketsphinx when
/// installed, else an engine that fails every note clearly (the case then gets "needs listening").
/// </summary>
internal static class SpeechEngineFactory
{
    /// <summary>Where eng/install/speech.sh puts libwhisper, relative to the repository or app folder.</summary>
    public static readonly string DefaultNativeFolder = Path.Combine("native", "linux-x64");

    public static ISpeechEngine Create(SpeechOptions options, ILogger logger)
    {
        var engine = CreateCore(options, logger);
        logger.EngineSelected(engine.Name);
        return engine;
    }

    /// <summary>The configured native path, or the first native/linux-x64 found from the current or app folder upwards.</summary>
    public static string ResolveNativePath(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultNativeFolder);
                if (File.Exists(Path.Combine(candidate, WhisperLibrary.FileName)))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), DefaultNativeFolder);
    }

    private static ISpeechEngine CreateCore(SpeechOptions options, ILogger logger)
    {
        string? whisperProblem = null;
        if (!string.IsNullOrWhiteSpace(options.Whisper.ModelPath))
        {
            try
            {
                return WhisperSpeechEngine.Load(options, ResolveNativePath(options.Whisper.NativeLibraryPath));
            }
            catch (WhisperLoadException ex) when (!options.Whisper.Required)
            {
                whisperProblem = ex.Message;
                logger.WhisperUnavailable(ex.Message);
            }
        }

        var sphinxProblem = options.PocketSphinx.Enabled ? PocketSphinxSpeechEngine.FindMissing(options.PocketSphinx) : "pocketsphinx is disabled";
        if (sphinxProblem is null)
        {
            return new PocketSphinxSpeechEngine(options.PocketSphinx);
        }

        var reason = (whisperProblem ?? "no Whisper model is configured (Switchboard:Speech:Whisper:ModelPath)") + "; " + sphinxProblem + ".";
        logger.NoEngine(reason);
        return new UnavailableSpeechEngine(reason);
    }
}
