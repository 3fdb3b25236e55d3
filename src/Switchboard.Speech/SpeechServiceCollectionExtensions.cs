using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Enrich;
using Switchboard.Speech.Decoding;
using Switchboard.Speech.Queue;
using Switchboard.Speech.Whisper;

namespace Switchboard.Speech;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IVoiceTranscriber"/> (a bounded queue drained by a hosted worker), the decoders and
    /// the engine chosen from <c>Switchboard:Speech</c>: Whisper when a model is configured and loads, else
    /// pocketsphinx when installed, else one that fails clearly. Also adds the "speech" health check (tag "ready").
    /// </summary>
    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSpeechCore();
        services.AddSingleton<TranscriptionQueue>();
        services.AddSingleton<IVoiceTranscriber>(sp => sp.GetRequiredService<TranscriptionQueue>());
        services.AddHostedService<TranscriptionWorker>();
        services.AddHealthChecks().AddCheck<SpeechHealthCheck>("speech", tags: ["ready"]);
        return services;
    }

    /// <summary>The options, decoders, engine and <see cref="VoiceNoteTranscriber"/> without the queue (the CLI's needs).</summary>
    internal static IServiceCollection AddSpeechCore(this IServiceCollection services)
    {
        services.AddOptions<SpeechOptions>()
            .BindConfiguration(SpeechOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FfmpegAudioDecoder>();
        services.TryAddSingleton<IAudioDecoder, AudioDecoder>();
        services.TryAddSingleton<ISpeechEngine>(sp =>
        {
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var nativeLogger = loggerFactory.CreateLogger("Switchboard.Speech.Whisper.Native");
            WhisperLibrary.LogSink = (level, line) =>
            {
                // 4 = GGML_LOG_LEVEL_ERROR; whisper's info chatter (model banners, buffer sizes) stays out of the log.
                if (level == 4)
                {
                    nativeLogger.WhisperNative(line);
                }
            };
            return SpeechEngineFactory.Create(sp.GetRequiredService<IOptions<SpeechOptions>>().Value, loggerFactory.CreateLogger(typeof(SpeechEngineFactory)));
        });
        services.TryAddSingleton<VoiceNoteTranscriber>();
        return services;
    }
}
