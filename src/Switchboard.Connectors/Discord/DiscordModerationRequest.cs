namespace Switchboard.Connectors.Discord;

/// <summary>
/// A moderation action a community mod chose on a trust &amp; safety card. It arrives already authorized
/// (moderator role checked and the decision audited by the governance layer); the service checks only
/// that the bot itself may do it.
/// </summary>
/// <param name="Action">What to do.</param>
/// <param name="GuildId">The server; null to look it up from the channel (stored messages keep the channel, not the guild).</param>
/// <param name="ChannelId">The channel (or thread) the offending message is in.</param>
/// <param name="MessageId">The offending message (delete, pin, warn in reply to it).</param>
/// <param name="UserId">Its author (timeout, warn).</param>
/// <param name="Reason">Shown in the server's audit log.</param>
/// <param name="TimeoutMinutes">Timeout length, 1 minute to 28 days. Default 60.</param>
/// <param name="WarningText">The warning to post (warn).</param>
public sealed record DiscordModerationRequest(
    DiscordModerationAction Action,
    string? GuildId,
    string ChannelId,
    string? MessageId,
    string? UserId,
    string Reason,
    int TimeoutMinutes = 60,
    string? WarningText = null);

public enum DiscordModerationAction
{
    DeleteMessage,
    TimeoutAuthor,
    PinMessage,
    PostWarning,
}

/// <summary>The outcome, worded for the moderator.</summary>
public sealed record DiscordModerationResult(bool Done, string Message);
