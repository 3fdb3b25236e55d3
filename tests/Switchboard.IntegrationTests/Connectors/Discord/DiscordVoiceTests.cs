using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Connectors;
using Switchboard.Core.Enrich;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>A Discord voice message through the real host: downloaded from the CDN (no token) and transcribed before triage.</summary>
public sealed class DiscordVoiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly RecordingTranscriber _transcriber = new();
    private FakeDiscordServer _fake = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _host = await TestHost.StartAsync(
            _folder.File("sb.db"),
            DiscordHostSettings.For(_fake, _folder.Path, "200", "500"),
            builder => builder.Services.AddSingleton<IVoiceTranscriber>(_transcriber));
        await Eventually.TrueAsync(() => Task.FromResult(_fake.Identifies == 1), what: "the bot to identify");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task VoiceMessage_DownloadedWithoutTokenAndTranscribed_CardShowsTranscript()
    {
        var voice = FakeDiscordServer.Message("6001", "500", "777", "cleo", string.Empty);
        voice["flags"] = 8192;
        voice["attachments"] = new JsonArray(new JsonObject
        {
            ["id"] = "66", ["filename"] = "voice-message.ogg", ["size"] = 1000, ["url"] = new Uri(_fake.BaseAddress, "/cdn/attachments/500/66/voice-message.ogg?ex=1&is=2&hm=3").ToString(),
            ["content_type"] = "audio/ogg", ["duration_secs"] = 3.2, ["waveform"] = "AAAA",
        });

        await _fake.DispatchAsync("MESSAGE_CREATE", voice);

        var card = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", "channels/200/messages")), what: "the review card");
        Assert.Contains("transcript", card.Body!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("charged me twice", card.Body!.ToJsonString(), StringComparison.Ordinal);
        var (path, authorization) = Assert.Single(_fake.CdnRequests);
        Assert.StartsWith("attachments/500/66/", path, StringComparison.Ordinal);
        Assert.Equal(string.Empty, authorization);
        Assert.Equal(1000, Assert.Single(_transcriber.Received).Content.Length);
    }

    private sealed class RecordingTranscriber : IVoiceTranscriber
    {
        public ConcurrentQueue<DownloadedFile> Received { get; } = new();

        public Task<VoiceTranscript> TranscribeAsync(DownloadedFile audio, CancellationToken cancellationToken)
        {
            Received.Enqueue(audio);
            return Task.FromResult(new VoiceTranscript("You charged me twice, I want a refund", "en", [], 3.2, "fake", false));
        }
    }
}
