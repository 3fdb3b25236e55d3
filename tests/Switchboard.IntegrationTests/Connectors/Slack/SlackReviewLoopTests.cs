using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>
/// The review loop over the Events API, on the wire: customer message → card in the team channel → Edit →
/// modal (views.open) → view_submission → edited reply in the customer's thread → card updated (chat.update).
/// </summary>
public sealed class SlackReviewLoopTests : IAsyncLifetime
{
    private const string CustomerTs = "1763800000.000100";
    private FakeSlackServer _slack = null!;
    private SlackBotHost _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestContext.Current.CancellationToken);
        _bot = await SlackBotHost.StartAsync(_slack, SlackMode.Events, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task ReviewLoop_EditThroughModal_PostsEditedReplyInThreadAndUpdatesCard()
    {
        var ct = TestContext.Current.CancellationToken;
        var card = await PostCustomerMessageAndWaitForCardAsync("I was charged twice <for> order & want a refund", ct);
        Assert.Equal(LoopbackReviewSink.TeamChannel, (string?)card.Body["channel"]);
        Assert.Equal("Review reply for case #1", (string?)card.Body["text"]);

        var cardTs = (string)card.Response["ts"]!;
        var click = FakeSlackPayloads.BlockActions(card, cardTs, FakeSlackPayloads.Element(card, "edit"), "U42", _slack.IssueTrigger());
        using var clickResponse = await _slack.PostInteractionAsync(_bot.BaseUri, click, cancellationToken: ct);
        Assert.Equal(HttpStatusCode.OK, clickResponse.StatusCode);

        var modal = await _slack.WaitForCallAsync("views.open", cancellationToken: ct);
        Assert.True(modal.Ok, modal.Response.ToJsonString());
        Assert.Equal(LoopbackPipelineWorker.Draft, (string?)modal.Body["view"]!["blocks"]![0]!["element"]!["initial_value"]);
        Assert.Empty(_bot.Sink.Actions);

        var submission = FakeSlackPayloads.ViewSubmission(modal, "U42", "Refund issued <today> & confirmed.");
        using var submitResponse = await _slack.PostInteractionAsync(_bot.BaseUri, submission, cancellationToken: ct);
        Assert.Equal(HttpStatusCode.OK, submitResponse.StatusCode);
        // An empty body closes the modal.
        Assert.Equal(string.Empty, await submitResponse.Content.ReadAsStringAsync(ct));

        var reply = await _slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "CCUST", ct);
        Assert.Equal("Refund issued &lt;today&gt; &amp; confirmed.", (string?)reply.Body["text"]);
        Assert.Equal(CustomerTs, (string?)reply.Body["thread_ts"]);
        Assert.Equal("Bearer " + FakeSlackServer.BotToken, reply.Authorization);

        var update = await _slack.WaitForCallAsync("chat.update", cancellationToken: ct);
        Assert.Equal(cardTs, (string?)update.Body["ts"]);
        Assert.Equal(LoopbackReviewSink.TeamChannel, (string?)update.Body["channel"]);
        Assert.Contains("Edited and sent by @dana", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);

        var action = Assert.Single(_bot.Sink.Actions);
        Assert.Equal(new CardActionRequest("tok-edit-1", "U42", "dana", "slack", EditedText: "Refund issued <today> & confirmed."), action);
    }

    [Fact]
    public async Task ReviewLoop_Approve_PostsTheDraftAndMarksTheCardDone()
    {
        var ct = TestContext.Current.CancellationToken;
        var card = await PostCustomerMessageAndWaitForCardAsync("charged twice", ct);

        var click = FakeSlackPayloads.BlockActions(card, (string)card.Response["ts"]!, FakeSlackPayloads.Element(card, "approve"), "U42", _slack.IssueTrigger());
        using var response = await _slack.PostInteractionAsync(_bot.BaseUri, click, cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "CCUST", ct);
        Assert.Equal(CustomerTs, (string?)reply.Body["thread_ts"]);
        Assert.StartsWith("Hi! Sorry about the double charge &amp; the wait &lt;3", (string?)reply.Body["text"], StringComparison.Ordinal);
        var update = await _slack.WaitForCallAsync("chat.update", cancellationToken: ct);
        Assert.Contains("Approved by @dana", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewLoop_RefusedApprove_ExplainedEphemerallyToTheClicker()
    {
        var ct = TestContext.Current.CancellationToken;
        var card = await PostCustomerMessageAndWaitForCardAsync("refund please", ct);

        var click = FakeSlackPayloads.BlockActions(card, (string)card.Response["ts"]!, FakeSlackPayloads.Element(card, "approve"), LoopbackReviewSink.InternUser, _slack.IssueTrigger());
        using var response = await _slack.PostInteractionAsync(_bot.BaseUri, click, cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ephemeral = await _slack.WaitForCallAsync("chat.postEphemeral", cancellationToken: ct);
        Assert.Equal(LoopbackReviewSink.TeamChannel, (string?)ephemeral.Body["channel"]);
        Assert.Equal(LoopbackReviewSink.InternUser, (string?)ephemeral.Body["user"]);
        Assert.Equal(LoopbackReviewSink.Refusal, (string?)ephemeral.Body["text"]);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "chat.update" || (string?)c.Body["channel"] == "CCUST");
    }

    [Fact]
    public async Task ReviewLoop_RetagSelect_CarriesTheChosenIntent()
    {
        var ct = TestContext.Current.CancellationToken;
        var card = await PostCustomerMessageAndWaitForCardAsync("site is down", ct);

        var click = FakeSlackPayloads.BlockActions(card, (string)card.Response["ts"]!, FakeSlackPayloads.Element(card, "retag"), "U42", _slack.IssueTrigger(), selectedValue: "outage");
        using var response = await _slack.PostInteractionAsync(_bot.BaseUri, click, cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(await _bot.Sink.WaitForActionsAsync(1, ct));
        Assert.Equal(("tok-retag-1", "outage"), (action.Token, action.NewIntent));
    }

    [Fact]
    public async Task ReviewLoop_CardPostRateLimited_WaitsRetryAfterThenPosts()
    {
        var ct = TestContext.Current.CancellationToken;
        _slack.Retry429AfterSeconds = 1;
        _slack.FailWith429("chat.postMessage");

        await PostCustomerMessageAndWaitForCardAsync("charged twice", ct);

        var attempts = _slack.CallsOf("chat.postMessage").ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ReviewLoop_BlockKitPayloads_TypeCheckAgainstSlackTypes()
    {
        var ct = TestContext.Current.CancellationToken;
        var card = await PostCustomerMessageAndWaitForCardAsync("charged twice", ct);
        var click = FakeSlackPayloads.BlockActions(card, (string)card.Response["ts"]!, FakeSlackPayloads.Element(card, "edit"), "U42", _slack.IssueTrigger());
        using var clickResponse = await _slack.PostInteractionAsync(_bot.BaseUri, click, cancellationToken: ct);
        var modal = await _slack.WaitForCallAsync("views.open", cancellationToken: ct);
        using var submitResponse = await _slack.PostInteractionAsync(_bot.BaseUri, FakeSlackPayloads.ViewSubmission(modal, "U42", "ok"), cancellationToken: ct);
        await _slack.WaitForCallAsync("chat.update", cancellationToken: ct);
        var calls = _slack.Calls;
        Assert.True(BlockKitTypeCheck.Covers(calls, "chat.postMessage", "chat.update", "views.open"));

        var (exitCode, output) = await BlockKitTypeCheck.RunAsync(calls, ct);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task BlockKitTypeCheck_InvalidBlock_IsRejectedByTsc()
    {
        // Proves the oracle bites: a button with an unknown style and a section with a bogus field.
        var body = JsonNode.Parse("""
            {"channel":"C1","text":"x","blocks":[
              {"type":"section","text":{"type":"mrkdwn","text":"x"},"colour":"red"},
              {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"A"},"action_id":"a","style":"green"}]}
            ]}
            """)!.AsObject();
        var call = new FakeSlackCall("chat.postMessage", null, body, 200, default, []);

        var (exitCode, output) = await BlockKitTypeCheck.RunAsync([call], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("colour", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewLoop_VoiceClipInDm_MappedAndDownloadedWithTheBotToken()
    {
        var ct = TestContext.Current.CancellationToken;
        var fileUrl = new Uri(_slack.BaseUri, "files/audio_message.m4a").ToString();
        var files = new JsonArray(new JsonObject
        {
            ["id"] = "F0AUDIO",
            ["name"] = "audio_message.m4a",
            ["subtype"] = "slack_audio",
            ["mimetype"] = "audio/mp4",
            ["size"] = FakeSlackServer.AudioBytes.Length,
            ["duration_ms"] = 2500,
            ["url_private"] = fileUrl,
            ["url_private_download"] = fileUrl,
        });
        var body = FakeSlackPayloads.MessageEvent(_slack.NextEventId(), "D777", "U100", string.Empty, "1763800000.000900", "im", files);

        using var response = await _slack.PostEventAsync(_bot.BaseUri, body.ToJsonString(), cancellationToken: ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_bot.Sink.Messages);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal((AttachmentKinds.Voice, fileUrl, 2.5), (attachment.Kind, attachment.Reference, attachment.DurationSeconds!.Value));
        var file = await _bot.Connector.DownloadAttachmentAsync(attachment, ct);
        Assert.Equal(FakeSlackServer.AudioBytes, file.Content);
        Assert.Equal("audio/mp4", file.MimeType);
    }

    [Fact]
    public async Task SendReply_LongText_SplitIntoThreadedMessagesWithinTheLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Paragraph {i}: " + new string('x', 300)));
        var target = new ReplyTarget("slack", "CCUST", "CCUST", CustomerTs, true, "CCUST:" + CustomerTs, "U100");

        var posted = await _bot.Connector.SendReplyAsync(target, text, ct);

        var parts = _slack.CallsOf("chat.postMessage").ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(((string)p.Body["text"]!).Length <= 4000));
        Assert.All(parts, p => Assert.Equal(CustomerTs, (string?)p.Body["thread_ts"]));
        Assert.Equal(text.Replace("\n\n", string.Empty, StringComparison.Ordinal), string.Concat(parts.Select(p => ((string)p.Body["text"]!).Replace("\n\n", string.Empty, StringComparison.Ordinal))));
        Assert.Equal((string?)parts[0].Response["ts"], posted.PlatformMessageId);
    }

    private async Task<FakeSlackCall> PostCustomerMessageAndWaitForCardAsync(string text, CancellationToken cancellationToken)
    {
        var body = FakeSlackPayloads.MessageEvent(_slack.NextEventId(), "CCUST", "U100", text, CustomerTs);
        using var response = await _slack.PostEventAsync(_bot.BaseUri, body.ToJsonString(), cancellationToken: cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == LoopbackReviewSink.TeamChannel, cancellationToken);
    }
}
