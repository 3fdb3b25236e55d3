using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;
using Switchboard.Speech;

namespace Switchboard.Cli;

/// <summary>
/// `switchboard transcribe &lt;file&gt; [--model M] [--language xx]`: prints a voice note's transcript with the
/// same engine choice, limits and decoders as the bot (configuration from appsettings.json and
/// Switchboard__Speech__* environment variables), progress on stderr.
/// </summary>
internal static class TranscribeVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The audio file: OGG/Opus, MP3, M4A/AAC, WebM, WAV or FLAC." };
        var model = new Option<string?>("--model") { Description = "A ggml Whisper model (overrides Switchboard:Speech:Whisper:ModelPath). Without one pocketsphinx is used when installed." };
        var language = new Option<string?>("--language") { Description = "auto (default) or a language code such as en." };
        var segments = new Option<bool>("--segments") { Description = "Print each segment with its start and end time." };
        var command = new Command("transcribe", "Print the transcript of a voice note.");
        command.Arguments.Add(file);
        command.Options.Add(model);
        command.Options.Add(language);
        command.Options.Add(segments);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file)!,
            parseResult.GetValue(model),
            parseResult.GetValue(language),
            parseResult.GetValue(segments),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo file, string? model, string? language, bool printSegments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 2;
        }

        var overrides = new Dictionary<string, string?>();
        if (model is not null)
        {
            overrides[$"{SpeechOptions.Section}:Whisper:ModelPath"] = model;
            // Asked for by name: fail instead of quietly falling back to pocketsphinx.
            overrides[$"{SpeechOptions.Section}:Whisper:Required"] = "true";
        }

        if (language is not null)
        {
            overrides[$"{SpeechOptions.Section}:Language"] = language;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning))
            .AddSpeechCore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        VoiceNoteTranscriber transcriber;
        try
        {
            transcriber = provider.GetRequiredService<VoiceNoteTranscriber>();
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or Speech.Whisper.WhisperLoadException)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        await error.WriteLineAsync($"Engine: {transcriber.EngineName}");
        var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var progress = new ConsoleProgress(error);
        try
        {
            var transcript = await transcriber.TranscribeAsync(new DownloadedFile(content, null, file.Name), progress, cancellationToken);
            await error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Length {transcript.DurationSeconds:F1} s, language {transcript.Language ?? "unknown"}{(transcript.LowConfidence ? ", low confidence" : string.Empty)}"));
            if (printSegments)
            {
                foreach (var segment in transcript.Segments)
                {
                    await output.WriteLineAsync($"[{segment.Start:mm\\:ss\\.ff} → {segment.End:mm\\:ss\\.ff}] {segment.Text}");
                }
            }
            else
            {
                await output.WriteLineAsync(transcript.Text);
            }

            return 0;
        }
        catch (VoiceTranscriptionException ex)
        {
            await error.WriteLineAsync($"Not transcribed ({ex.Reason}): {ex.Message}");
            return 1;
        }
    }

    /// <summary>Prints whisper's progress every 10 % (only long files get more than one window's worth of steps).</summary>
    private sealed class ConsoleProgress(TextWriter error) : IProgress<int>
    {
        private int _last = -1;

        public void Report(int value)
        {
            var step = value / 10 * 10;
            if (step > _last)
            {
                _last = step;
                error.WriteLine($"progress: {step}%");
            }
        }
    }
}
