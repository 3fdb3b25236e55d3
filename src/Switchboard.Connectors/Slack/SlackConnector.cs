using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// The Slack connector. Receives through Socket Mode in <see cref="SlackMode.Socket"/>; in
/// <see cref="SlackMode.Events"/> the endpoints from <see cref="SlackEndpoints.MapSlackEndpoints"/> call the
/// sink and <see cref="ReceiveAsync"/> only waits for shutdown. Cards are Block Kit messages updated in place
/// with chat.update; replies are split at Slack's length limit and threaded under the customer's message.
/// </summary>
internal sealed class SlackConnector(
    SlackApiClient api,
    SlackCardRenderer renderer,
    SlackSocketModeClient socketMode,
    SlackInteractionQueue interactionQueue,
    SlackInteractionHandler interactions,
    IOptions<SlackOptions> options,
    ILogger<SlackConnector> logger) : IChatConnector, IMessagePinner
{
    public string Name => SlackEventMapper.ConnectorName;

    public async Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        if (options.Value.Mode == SlackMode.Socket)
        {
            await socketMode.RunAsync(sink, cancellationToken);
            return;
        }

        // Events mode: the endpoints store messages themselves; button presses they acknowledged wait here.
        try
        {
            await foreach (var payload in interactionQueue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await interactions.HandleAcknowledgedAsync(payload, sink, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed action must not stop the others; the card is unchanged, so the reviewer can retry.
                    logger.SlackInteractionFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    public async Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken)
    {
        var (text, blocks) = Render(card);
        var response = await api.PostMessageAsync(channel.ChannelId, text, blocks, channel.ThreadId, cancellationToken);
        return Posted(response, channel.ChannelId);
    }

    public async Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken)
    {
        var (text, blocks) = Render(card);
        await api.UpdateMessageAsync(posted.ChannelId, posted.PlatformMessageId, text, blocks, cancellationToken);
    }

    public async Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken)
    {
        var channel = string.IsNullOrEmpty(target.ChannelId) ? target.ConversationId : target.ChannelId;
        // Public: answer in the customer's thread (a top-level message starts one). DM: answer in the DM.
        var threadTs = target.ThreadId ?? (target.IsPublic ? SlackEventMapper.TsOf(target.ReplyToPlatformMessageId) : null);
        PostedMessageRef? first = null;
        foreach (var part in SlackTextSplitter.Split(text))
        {
            // Customer-facing text is sent literally: &, < and > would otherwise become mentions or links.
            var response = await api.PostMessageAsync(channel, SlackCardRenderer.Escape(part), null, threadTs, cancellationToken);
            first ??= Posted(response, channel);
        }

        return first ?? throw new InvalidOperationException("The splitter returns at least one part.");
    }

    public Task PinAsync(PostedMessageRef message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return api.PinAsync(message.ChannelId, message.PlatformMessageId, cancellationToken);
    }

    public Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken) =>
        Uri.TryCreate(attachment.Reference, UriKind.Absolute, out var url)
            ? api.DownloadFileAsync(url, attachment.FileName, cancellationToken)
            : throw new ConnectorException(ConnectorFailure.Invalid, "Slack attachment reference is not a URL.");

    private (string Text, JsonArray Blocks) Render(CardPayload card)
    {
        var rendered = renderer.Render(card);
        var text = rendered["text"]?.GetValue<string>() ?? card.FallbackText;
        var blocks = rendered["blocks"] as JsonArray ?? [];
        rendered.Remove("blocks");
        return (text, blocks);
    }

    private static PostedMessageRef Posted(JsonObject response, string fallbackChannel) => new(
        SlackEventMapper.ConnectorName,
        response["channel"]?.GetValue<string>() ?? fallbackChannel,
        response["ts"]?.GetValue<string>() ?? throw new ConnectorException(ConnectorFailure.Invalid, "Slack chat.postMessage returned no ts."));
}
