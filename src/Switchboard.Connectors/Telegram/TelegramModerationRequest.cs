namespace Switchboard.Connectors.Telegram;

/// <summary>
/// A moderation step that the governance layer has already authorized (moderator role checked, audit written).
/// </summary>
/// <param name="ChatId">The group or supergroup.</param>
/// <param name="PlatformMessageId">The offending message as stored (<c>{chat}:{message}</c>); for DeleteMessage.</param>
/// <param name="AuthorId">The offender's user id; for RestrictAuthor and BanAuthor.</param>
/// <param name="WarningText">Plain text to post and pin; for PinWarning.</param>
/// <param name="RestrictFor">How long a restriction lasts; null is until lifted (Telegram treats under 30 s or over 366 days as forever).</param>
/// <param name="ThreadId">Forum topic to post the warning into.</param>
public sealed record TelegramModerationRequest(
    TelegramModerationAction Action,
    string ChatId,
    string? PlatformMessageId = null,
    string? AuthorId = null,
    string? WarningText = null,
    TimeSpan? RestrictFor = null,
    string? ThreadId = null);
