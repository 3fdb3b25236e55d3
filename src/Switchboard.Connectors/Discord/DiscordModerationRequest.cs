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
/// <param name="UserId">Its author (timeout, ban, warn).</param>
/// <param name="Reason">Shown in the server's audit log.</param>
/// <param name="TimeoutMinutes">Timeout length, 1 minute to 28 days. Default 60.</param>
/// <param name="WarningText">The warning to post (warn, pin warning).</param>
/// <param name="DeleteMessageSeconds">Ban only: how much of the author's recent history Discord deletes, 0 (default: none) to 604800 (7 days).</param>
public sealed record DiscordModerationRequest(
    DiscordModerationAction Action,
    string? GuildId,
    string ChannelId,
    string? MessageId,
    string? UserId,
    string Reason,
    int TimeoutMinutes = 60,
    string? WarningText = null,
    int DeleteMessageSeconds = 0);

public enum DiscordModerationAction
{
    DeleteMessage,
    TimeoutAuthor,
    PinMessage,
    PostWarning,

    /// <summary>Ban the author from the server (PUT /guilds/{guild.id}/bans/{user.id}, BAN_MEMBERS).</summary>
    BanAuthor,

    /// <summary>Post the warning in reply, then pin it; a failed pin leaves the warning posted and says why.</summary>
    PinWarning,
}

/// <summary>The outcome, worded for the moderator.</summary>
public sealed record DiscordModerationResult(bool Done, string Message);
