using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackConnectorTests
{
    private readonly StubSlackHandler _slack = new((_, body) =>
    {
        var channel = (string?)JsonNode.Parse(body)!["channel"];
        return StubSlackHandler.Json($$"""{"ok":true,"channel":"{{channel}}","ts":"1763800001.000100"}""");
    });

    [Fact]
    public async Task SendReplyAsync_PublicTopLevelMessage_ThreadsUnderTheCustomerMessage()
    {
        var target = new ReplyTarget("slack", "CCUST", "CCUST", null, true, "CCUST:1763800000.000100", "U1");

        var posted = await Connector().SendReplyAsync(target, "Refunded & sorry <3", TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_slack.Calls).Body)!;
        Assert.Equal("1763800000.000100", (string?)body["thread_ts"]);
        Assert.Equal("Refunded &amp; sorry &lt;3", (string?)body["text"]);
        Assert.Equal(new PostedMessageRef("slack", "CCUST", "1763800001.000100"), posted);
    }

    [Fact]
    public async Task SendReplyAsync_DirectMessage_PostsInTheDmWithoutThread()
    {
        var target = new ReplyTarget("slack", "D777", "D777", null, false, "D777:1763800000.000100", "U1");

        await Connector().SendReplyAsync(target, "hi", TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_slack.Calls).Body)!;
        Assert.Equal("D777", (string?)body["channel"]);
        Assert.Null(body["thread_ts"]);
    }

    [Fact]
    public async Task PostCardThenUpdateCard_UsesPostMessageThenChatUpdateOnTheSameTs()
    {
        var card = new CardPayload("review", new JsonObject
        {
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Case #1" }),
        }, "Case #1");
        var connector = Connector();

        var posted = await connector.PostCardAsync(new ChannelAddress("slack", "CTEAM"), card, TestContext.Current.CancellationToken);
        await connector.UpdateCardAsync(posted, card with { FallbackText = "Case #1 approved" }, TestContext.Current.CancellationToken);

        Assert.Equal(["chat.postMessage", "chat.update"], _slack.Methods);
        var update = JsonNode.Parse(_slack.Calls[1].Body)!;
        Assert.Equal(("CTEAM", "1763800001.000100", "Case #1 approved"), ((string?)update["channel"], (string?)update["ts"], (string?)update["text"]));
        Assert.Equal("section", (string?)update["blocks"]![0]!["type"]);
    }

    [Fact]
    public async Task DownloadAttachmentAsync_ReferenceNotAUrl_Invalid()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Connector().DownloadAttachmentAsync(new Core.Domain.Attachment("voice", "F0123"), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Invalid, ex.Failure);
    }

    private SlackConnector Connector()
    {
        var api = SlackApiClientTests.Client(_slack);
        return new SlackConnector(
            api,
            new SlackCardRenderer(),
            socketMode: null!,
            new SlackInteractionQueue(),
            new SlackInteractionHandler(api, NullLogger<SlackInteractionHandler>.Instance),
            Options.Create(new SlackOptions { Enabled = true }),
            NullLogger<SlackConnector>.Instance);
    }
}
