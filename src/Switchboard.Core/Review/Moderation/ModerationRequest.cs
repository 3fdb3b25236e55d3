namespace Switchboard.Core.Review.Moderation;

/// <summary>
/// One authorized moderation step on the offending message of a trust &amp; safety case, in platform-neutral terms.
/// </summary>
/// <param name="Action">One of <see cref="ModerationActions"/>.</param>
/// <param name="Connector">The connector the message came through.</param>
/// <param name="ChannelId">Channel, chat or group of the message.</param>
/// <param name="ThreadId">Thread or forum topic, when the message is in one.</param>
/// <param name="PlatformMessageId">The message as stored (Telegram <c>{chat}:{message}</c>, a Discord snowflake).</param>
/// <param name="AuthorId">The platform id of its author.</param>
/// <param name="WarningText">The warning to post, for <see cref="ModerationActions.PinWarning"/>.</param>
/// <param name="Duration">How long a restriction lasts, for <see cref="ModerationActions.RestrictAuthor"/>.</param>
/// <param name="Reason">Why, for the platform's own audit log where it has one (case number and moderator; never message text).</param>
public sealed record ModerationRequest(
    string Action,
    string Connector,
    string ChannelId,
    string? ThreadId,
    string PlatformMessageId,
    string AuthorId,
    string WarningText,
    TimeSpan Duration,
    string Reason);
