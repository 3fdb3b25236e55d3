using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Moderation from trust &amp; safety cards in Discord servers: maps the platform-neutral request onto
/// <see cref="DiscordModerationService"/>, which computes the bot's channel permissions (MANAGE_MESSAGES,
/// MODERATE_MEMBERS, BAN_MEMBERS, SEND_MESSAGES, PIN_MESSAGES) before acting. Restrict is a timeout; a ban keeps the
/// author's history unless <see cref="DiscordOptions.BanDeleteMessageSeconds"/> says otherwise; a warning is posted in
/// reply to the offending message, mentioning its author, and then pinned.
/// </summary>
internal sealed class DiscordChatModerator(DiscordModerationService moderation, IOptions<DiscordOptions> options) : IChatModerator
{
    private static readonly IReadOnlySet<string> Supported = new HashSet<string>(
        [ModerationActions.DeleteMessage, ModerationActions.RestrictAuthor, ModerationActions.BanAuthor, ModerationActions.PinWarning],
        StringComparer.Ordinal);

    public string Connector => DiscordConnector.ConnectorName;

    public IReadOnlySet<string> Actions => Supported;

    public async Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var discord = ToDiscord(request, options.Value.BanDeleteMessageSeconds);
        if (discord is null)
        {
            return ModerationOutcome.Refused($"Discord moderation does not know '{request.Action}'.");
        }

        var result = await moderation.ExecuteAsync(discord, cancellationToken);
        return new ModerationOutcome(result.Done, result.Message);
    }

    /// <summary>The platform-neutral request in Discord terms; null for an action Discord moderation does not know.</summary>
    internal static DiscordModerationRequest? ToDiscord(ModerationRequest request, int banDeleteMessageSeconds)
    {
        // A message in a thread lives in the thread's channel; the stored channel is the thread's parent.
        var channel = request.ThreadId ?? request.ChannelId;
        return request.Action switch
        {
            ModerationActions.DeleteMessage => new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason),
            ModerationActions.RestrictAuthor => new DiscordModerationRequest(
                DiscordModerationAction.TimeoutAuthor, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason, (int)Math.Ceiling(request.Duration.TotalMinutes)),
            ModerationActions.BanAuthor => new DiscordModerationRequest(
                DiscordModerationAction.BanAuthor, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason,
                DeleteMessageSeconds: banDeleteMessageSeconds),
            ModerationActions.PinWarning => new DiscordModerationRequest(
                DiscordModerationAction.PinWarning, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason,
                WarningText: string.Create(CultureInfo.InvariantCulture, $"<@{request.AuthorId}> {request.WarningText}")),
            _ => null,
        };
    }
}
