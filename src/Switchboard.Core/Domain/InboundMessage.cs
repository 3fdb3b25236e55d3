namespace Switchboard.Core.Domain;

/// <summary>
/// One normalized message from any platform, as a connector hands it to the ingest front door.
/// </summary>
/// <param name="Connector">The connector instance that received it (for example "playground", "telegram"): replies go back through it.</param>
/// <param name="Platform">The customer-facing platform (telegram, slack, discord, teams, x, …); with <paramref name="PlatformMessageId"/> it is the idempotency key.</param>
/// <param name="PlatformMessageId">The platform's own id for this message; a redelivery carries the same id.</param>
/// <param name="ChannelId">Channel, chat or group the message was posted in.</param>
/// <param name="ConversationId">Conversation (DM or group conversation) the message belongs to.</param>
/// <param name="ThreadId">Thread or topic inside the conversation, when the platform has one.</param>
/// <param name="AuthorId">The platform's stable id of the author.</param>
/// <param name="AuthorHandle">The author's display handle, for cards (never logged).</param>
/// <param name="Text">The message text; empty for a pure voice note until it is transcribed.</param>
/// <param name="IsPublic">True for a public comment or group post, false for a DM.</param>
/// <param name="Attachments">Files, images and voice notes.</param>
/// <param name="SentAt">When the platform says the message was sent.</param>
/// <param name="ReceivedAt">When Switchboard received it.</param>
/// <param name="ReplyToPlatformMessageId">The message this one replies to, when it is a reply.</param>
/// <param name="AuthorFollowers">Follower count of the author when the platform reports one (used for visibility overrides).</param>
public sealed record InboundMessage(
    string Connector,
    string Platform,
    string PlatformMessageId,
    string ChannelId,
    string ConversationId,
    string? ThreadId,
    string AuthorId,
    string? AuthorHandle,
    string Text,
    bool IsPublic,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    string? ReplyToPlatformMessageId = null,
    long? AuthorFollowers = null)
{
    /// <summary>The key that ties a customer's messages on one platform into one case.</summary>
    public string CustomerKey => $"{Platform}:{AuthorId}";

    public bool HasVoice => Attachments.Any(a => a.IsVoice);
}
