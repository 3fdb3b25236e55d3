namespace Switchboard.Connectors.Telegram;

/// <summary>The outcome of a moderation step; <see cref="Message"/> is shown to the moderator and fit for the audit log.</summary>
/// <param name="PostedMessageId">For PinWarning: the warning that was posted and pinned.</param>
public sealed record TelegramModerationResult(bool Done, string Message, string? PostedMessageId = null)
{
    public static TelegramModerationResult Refused(string message) => new(false, message);
}
