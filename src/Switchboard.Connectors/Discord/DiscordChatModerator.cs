using System.Globalization;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Moderation from trust &amp; safety cards in Discord servers: maps the platform-neutral request onto
/// <see cref="DiscordModerationService"/>, which computes the bot's channel permissions (MANAGE_MESSAGES,
/// MODERATE_MEMBERS, SEND_MESSAGES) before acting. Restrict is a timeout; a warning is posted in reply to the
/// offending message, mentioning its author. Banning is left to the server's own tools.
/// </summary>
internal sealed class DiscordChatModerator(DiscordModerationService moderation) : IChatModerator
{
    private static readonly IReadOnlySet<string> Supported = new HashSet<string>(
        [ModerationActions.DeleteMessage, ModerationActions.RestrictAuthor, ModerationActions.PinWarning],
        StringComparer.Ordinal);

    public string Connector => DiscordConnector.ConnectorName;

    public IReadOnlySet<string> Actions => Supported;

    public async Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A message in a thread lives in the thread's channel; the stored channel is the thread's parent.
        var channel = request.ThreadId ?? request.ChannelId;
        var discord = request.Action switch
        {
            ModerationActions.DeleteMessage => new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason),
            ModerationActions.RestrictAuthor => new DiscordModerationRequest(
                DiscordModerationAction.TimeoutAuthor, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason, (int)Math.Ceiling(request.Duration.TotalMinutes)),
            ModerationActions.PinWarning => new DiscordModerationRequest(
                DiscordModerationAction.PostWarning, null, channel, request.PlatformMessageId, request.AuthorId, request.Reason,
                WarningText: string.Create(CultureInfo.InvariantCulture, $"<@{request.AuthorId}> {request.WarningText}")),
            _ => null,
        };
        if (discord is null)
        {
            return ModerationOutcome.Refused(request.Action == ModerationActions.BanAuthor
                ? "Banning is not supported on Discord: time out the author here, or ban from the server's own tools."
                : $"Discord moderation does not know '{request.Action}'.");
        }

        var result = await moderation.ExecuteAsync(discord, cancellationToken);
        return new ModerationOutcome(result.Done, result.Message);
    }
}
