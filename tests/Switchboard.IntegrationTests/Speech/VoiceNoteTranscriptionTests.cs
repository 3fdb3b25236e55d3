using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Core.Connectors;
using Switchboard.Core.Enrich;
using Switchboard.Core.Triage;
using Switchboard.Speech;

namespace Switchboard.IntegrationTests.Speech;

/// <summary>
/// Voice → transcript → triage, offline and for real: espeak-ng speaks a sentence, ffmpeg encodes it as a
/// Telegram-style OGG/Opus voice note, the hosted queue transcribes it with the configured engine
/// (pocketsphinx here; Whisper when SWITCHBOARD_TEST_WHISPER_MODEL names a real ggml model) and triage
/// sorts the transcript. PocketSphinx is rough on synthetic speech, so the test checks the words it
/// reliably catches, not the exact sentence.
/// </summary>
public sealed class VoiceNoteTranscriptionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TranscribeAsync_SpokenRefundComplaint_TranscriptTriagedAsBilling()
    {
        using var host = await StartHostAsync();
        var transcriber = host.Services.GetRequiredService<IVoiceTranscriber>();
        var note = await SpokenVoiceNote.TelegramVoiceAsync(SpokenVoiceNote.RefundSentence, Ct);

        var transcript = await transcriber.TranscribeAsync(note, Ct).WaitAsync(Wait, Ct);
        var triage = new KeywordTriageEngine().Triage(new TriageRequest("voice-1", transcript.Text, "telegram"));

        Assert.Contains("refund", transcript.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("charge", transcript.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("en", transcript.Language);
        Assert.InRange(transcript.DurationSeconds, 2.0, 4.0);
        Assert.NotEmpty(transcript.Segments);
        Assert.All(transcript.Segments, s => Assert.True(s.End > s.Start));
        Assert.Equal(Intents.Billing, triage.Intent);
        if (RealWhisperModel is null)
        {
            Assert.StartsWith("pocketsphinx", transcript.Engine, StringComparison.Ordinal);
            Assert.True(transcript.LowConfidence);
        }
        else
        {
            Assert.StartsWith("whisper.cpp", transcript.Engine, StringComparison.Ordinal);
            Assert.False(transcript.LowConfidence);
        }
    }

    [Fact]
    public async Task TranscribeAsync_CorruptVoiceNote_FailsSoTheCaseGetsNeedsListening()
    {
        using var host = await StartHostAsync();
        var transcriber = host.Services.GetRequiredService<IVoiceTranscriber>();
        var note = await SpokenVoiceNote.TelegramVoiceAsync(SpokenVoiceNote.RefundSentence, Ct);
        var damaged = note.Content[..200].Concat(new byte[800]).ToArray();

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => transcriber.TranscribeAsync(note with { Content = damaged }, Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.CorruptAudio, ex.Reason);
    }

    [Fact]
    public async Task TranscribeAsync_NotAudio_FailsUnsupported()
    {
        using var host = await StartHostAsync();
        var transcriber = host.Services.GetRequiredService<IVoiceTranscriber>();

        var ex = await Assert.ThrowsAsync<VoiceTranscriptionException>(
            () => transcriber.TranscribeAsync(new DownloadedFile("%PDF-1.7"u8.ToArray(), "audio/ogg", "voice.ogg"), Ct).WaitAsync(Wait, Ct));

        Assert.Equal(VoiceTranscriptionFailure.UnsupportedFormat, ex.Reason);
    }

    /// <summary>A real ggml Whisper model to run the same test on, when the environment provides one.</summary>
    private static string? RealWhisperModel => Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_WHISPER_MODEL") is { Length: > 0 } path ? path : null;

    private static async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SpeechOptions.Section}:Whisper:ModelPath"] = RealWhisperModel,
            [$"{SpeechOptions.Section}:Whisper:NativeLibraryPath"] = Whisper.TestWhisper.NativeFolder,
            [$"{SpeechOptions.Section}:Whisper:Required"] = RealWhisperModel is null ? "false" : "true",
            [$"{SpeechOptions.Section}:TimeoutSeconds"] = "60",
        });
        builder.Services.AddSpeech();
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }
}
