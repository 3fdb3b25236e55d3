using Switchboard.Core.Domain;

namespace Switchboard.Core.Connectors;

/// <summary>
/// The one contract every platform connector implements. Inbound traffic (messages and card actions)
/// is normalized by the connector and handed to an <see cref="IInboundSink"/>; outbound calls come from
/// the outbox sender, which retries on <see cref="ConnectorException"/>s marked transient.
/// </summary>
public interface IChatConnector
{
    /// <summary>The connector id used in addresses and the outbox ("playground", "telegram", "slack", "discord", "teams").</summary>
    string Name { get; }

    /// <summary>
    /// Receives from the platform until cancelled (long polling, a gateway or a socket), handing every
    /// message and card action to <paramref name="sink"/>. Webhook-only connectors return once cancelled;
    /// their endpoints call the sink directly.
    /// </summary>
    Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken);

    /// <summary>Posts a card into a channel and returns where it landed, so it can be updated in place later.</summary>
    Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken);

    /// <summary>Replaces a posted card (for example "Approved by @dana at 14:02", actions removed).</summary>
    Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken);

    /// <summary>Sends a reply to a customer, publicly in the thread or privately in the DM, as <paramref name="target"/> says.</summary>
    Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken);

    /// <summary>Downloads an attachment (size-limited by the connector) into memory.</summary>
    Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken);
}
