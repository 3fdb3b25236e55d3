using Switchboard.Core.Review.Moderation;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Moderation from trust &amp; safety cards in Telegram groups: maps the platform-neutral request onto
/// <see cref="TelegramModeration"/>, which checks the bot's admin rights (can_delete_messages,
/// can_restrict_members, can_pin_messages) before acting.
/// </summary>
internal sealed class TelegramChatModerator(TelegramModeration moderation) : IChatModerator
{
    private static readonly IReadOnlySet<string> Supported = new HashSet<string>(ModerationActions.All, StringComparer.Ordinal);

    public string Connector => TelegramUpdateMapper.Platform;

    public IReadOnlySet<string> Actions => Supported;

    public async Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var telegram = request.Action switch
        {
            ModerationActions.DeleteMessage => new TelegramModerationRequest(TelegramModerationAction.DeleteMessage, request.ChannelId, PlatformMessageId: request.PlatformMessageId),
            ModerationActions.RestrictAuthor => new TelegramModerationRequest(TelegramModerationAction.RestrictAuthor, request.ChannelId, AuthorId: request.AuthorId, RestrictFor: request.Duration),
            ModerationActions.BanAuthor => new TelegramModerationRequest(TelegramModerationAction.BanAuthor, request.ChannelId, AuthorId: request.AuthorId),
            ModerationActions.PinWarning => new TelegramModerationRequest(TelegramModerationAction.PinWarning, request.ChannelId, WarningText: request.WarningText, ThreadId: request.ThreadId),
            _ => null,
        };
        if (telegram is null)
        {
            return ModerationOutcome.Refused($"Telegram moderation does not know '{request.Action}'.");
        }

        var result = await moderation.ExecuteAuthorizedAsync(telegram, cancellationToken);
        return new ModerationOutcome(result.Done, result.Message);
    }
}
