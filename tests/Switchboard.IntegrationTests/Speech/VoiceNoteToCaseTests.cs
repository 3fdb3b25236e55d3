using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Speech;

/// <summary>
/// A spoken voice note (espeak-ng → OGG/Opus, like a Telegram voice message) sent through the playground
/// connector on the real host: it is transcribed (pocketsphinx here; Whisper where a model is configured),
/// triaged from the transcript, and a case opens with the transcript on its review card.
/// </summary>
public sealed class VoiceNoteToCaseTests : PlaygroundHostTests
{
    [Fact]
    public async Task VoiceNote_ThroughThePlayground_CaseOpensFromTheTranscript()
    {
        var ct = TestContext.Current.CancellationToken;
        var note = await SpokenVoiceNote.TelegramVoiceAsync(SpokenVoiceNote.RefundSentence, ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("tg-dm"), "channelId" },
            { new StringContent("vic"), "author" },
        };
        var file = new ByteArrayContent(note.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/ogg");
        form.Add(file, "file", "voice.ogg");

        var response = await Host.Http.PostAsync("/playground/api/voice", form, ct);
        var posted = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        Assert.True(response.IsSuccessStatusCode, posted?.ToJsonString());

        var messages = Host.Get<IMessageStore>();
        var stored = await Eventually.GetAsync(
            async () =>
            {
                var m = await messages.GetAsync((long)posted!["messageId"]!, ct);
                return m?.ProcessedAt is null ? null : m;
            },
            TimeSpan.FromSeconds(90),
            "the voice note to be transcribed and triaged");

        // PocketSphinx is rough on synthetic speech: check the words it does catch, not the sentence.
        Assert.NotNull(stored.Transcript);
        Assert.True(stored.Transcript.Contains("refund", StringComparison.OrdinalIgnoreCase) || stored.Transcript.Contains("charge", StringComparison.OrdinalIgnoreCase), stored.Transcript);
        var events = await Host.Get<ICaseStore>().GetEventsAsync(stored.CaseId!.Value, ct);
        Assert.Contains(events, e => e.Kind == "message.transcribed" && e.RuleOrModel!.Contains("pocketsphinx", StringComparison.OrdinalIgnoreCase));
        var c = await Host.Get<ICaseStore>().GetAsync(stored.CaseId!.Value, ct);
        Assert.Equal("billing", c!.Intent);
        var card = await new PlaygroundClient(Host.Http).CardInAsync("review-finance");
        Assert.Contains("refund", card["card"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
