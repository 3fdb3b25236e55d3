using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering.Teams;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Microsoft Teams as a review surface (Bot Framework activity protocol; bots registered with the Bot Framework
/// SDK or the Microsoft 365 Agents SDK speak the same protocol). Webhook-only: /api/messages calls the sink,
/// <see cref="ReceiveAsync"/> only waits for shutdown. Cards are posted proactively to stored conversation
/// references and updated in place with PUT, so everyone sees the outcome.
/// </summary>
internal sealed class TeamsConnector(
    TeamsConnectorClient client,
    TeamsCardRenderer renderer,
    ITeamsConversationStore conversations,
    IOptions<TeamsOptions> options) : IChatConnector
{
    public const string ConnectorName = "teams";

    public string Name => ConnectorName;

    public async Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown; the endpoint did the receiving.
        }
    }

    public async Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reference = await ResolveAsync(channel.ChannelId, cancellationToken);
        var activity = TeamsActivities.Activity(renderer.Render(card), card.FallbackText);
        var id = channel.ThreadId is { Length: > 0 } thread
            ? await client.ReplyAsync(reference.ServiceUrl, reference.ConversationId, thread, activity, cancellationToken)
            : await client.SendAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        if (string.IsNullOrEmpty(id))
        {
            throw new ConnectorException(ConnectorFailure.Invalid, "Teams returned no activity id for the posted card.");
        }

        return new PostedMessageRef(ConnectorName, reference.ConversationId, id);
    }

    public async Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var reference = await ResolveAsync(posted.ChannelId, cancellationToken);
        var activity = TeamsActivities.Activity(renderer.Render(card), card.FallbackText, posted.PlatformMessageId);
        await client.UpdateAsync(reference.ServiceUrl, reference.ConversationId, posted.PlatformMessageId, activity, cancellationToken);
    }

    public async Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var reference = await ResolveAsync(string.IsNullOrEmpty(target.ChannelId) ? target.ConversationId : target.ChannelId, cancellationToken);
        var activity = new JsonObject { ["type"] = "message", ["textFormat"] = "plain", ["text"] = text };
        var replyTo = target.ThreadId ?? target.ReplyToPlatformMessageId;
        var id = replyTo is { Length: > 0 }
            ? await client.ReplyAsync(reference.ServiceUrl, reference.ConversationId, replyTo, activity, cancellationToken)
            : await client.SendAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        return new PostedMessageRef(ConnectorName, reference.ConversationId, id);
    }

    public Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken) =>
        throw new ConnectorException(ConnectorFailure.Invalid, "Teams is a review surface: it has no customer attachments to download.");

    /// <summary>A configured alias or a conversation id → the stored reference; unknown means the bot was never installed there.</summary>
    private async Task<TeamsConversationReference> ResolveAsync(string channelId, CancellationToken cancellationToken)
    {
        var conversationId = options.Value.ChannelAliases.TryGetValue(channelId, out var aliased) ? aliased : channelId;
        return await conversations.GetAsync(conversationId, cancellationToken)
            ?? throw new ConnectorException(
                ConnectorFailure.NotFound,
                $"No Teams conversation reference for '{channelId}': install the bot in that team or chat (or mention it once) so it learns the conversation.");
    }
}
