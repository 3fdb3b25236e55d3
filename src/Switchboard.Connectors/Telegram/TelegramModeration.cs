using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Moderation in Telegram groups for community mods. Before acting it checks the bot's own rights in the chat
/// (getChatMember) and that the target is not an administrator, and answers a clear refusal instead of a raw
/// Telegram error. Who may moderate (the moderator role) and the audit trail belong to the caller's governance layer:
/// <see cref="ExecuteAuthorizedAsync"/> takes a request that layer has already authorized.
/// </summary>
public sealed class TelegramModeration
{
    private readonly TelegramBotApiClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TelegramModeration> _logger;
    private long? _botId;

    // Internal: the Bot API client is internal; the host gets this service from DI.
    internal TelegramModeration(TelegramBotApiClient client, TimeProvider timeProvider, ILogger<TelegramModeration> logger)
    {
        _client = client;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Runs one authorized step. Refusals (missing rights, protected target, Telegram saying no) come back as a
    /// result; rate limits and transient failures throw <see cref="ConnectorException"/> so the caller can retry.
    /// </summary>
    public async Task<TelegramModerationResult> ExecuteAuthorizedAsync(TelegramModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!long.TryParse(request.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId) || chatId > 0)
        {
            return TelegramModerationResult.Refused("Moderation works only in groups and supergroups.");
        }

        try
        {
            var result = await RunAsync(request, chatId, cancellationToken);
            Log.ModerationDone(_logger, request.Action, result.Done);
            return result;
        }
        catch (ConnectorException ex) when (!ex.IsRetryable)
        {
            Log.ModerationDone(_logger, request.Action, false);
            return TelegramModerationResult.Refused("Telegram refused: " + ex.Message);
        }
    }

    private async Task<TelegramModerationResult> RunAsync(TelegramModerationRequest request, long chatId, CancellationToken cancellationToken)
    {
        var bot = await _client.GetChatMemberAsync(chatId, await BotIdAsync(cancellationToken), cancellationToken);
        if (!bot.IsAdministrator)
        {
            return TelegramModerationResult.Refused("The bot is not an administrator in this chat; promote it before moderating.");
        }

        switch (request.Action)
        {
            case TelegramModerationAction.DeleteMessage:
                if (!bot.IsOwner && bot.CanDeleteMessages != true)
                {
                    return TelegramModerationResult.Refused("The bot lacks the 'Delete messages' admin right in this chat.");
                }

                if (!TelegramUpdateMapper.TryParseMessageKey(request.PlatformMessageId, out var messageChat, out var messageId) || messageChat != chatId)
                {
                    return TelegramModerationResult.Refused("The message to delete is not in this chat.");
                }

                await _client.DeleteMessageAsync(chatId, messageId, cancellationToken);
                return new TelegramModerationResult(true, "Message deleted.");

            case TelegramModerationAction.RestrictAuthor or TelegramModerationAction.BanAuthor:
                if (!bot.IsOwner && bot.CanRestrictMembers != true)
                {
                    return TelegramModerationResult.Refused("The bot lacks the 'Ban users' admin right in this chat.");
                }

                if (!long.TryParse(request.AuthorId, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
                {
                    return TelegramModerationResult.Refused("The author is not a Telegram user.");
                }

                var target = await _client.GetChatMemberAsync(chatId, userId, cancellationToken);
                if (target.IsAdministrator)
                {
                    return TelegramModerationResult.Refused("The author is an administrator of this chat; bots cannot restrict or ban administrators.");
                }

                if (request.Action == TelegramModerationAction.BanAuthor)
                {
                    await _client.BanChatMemberAsync(chatId, userId, revokeMessages: false, cancellationToken);
                    return new TelegramModerationResult(true, "Author banned from the group.");
                }

                await _client.RestrictChatMemberAsync(
                    chatId,
                    userId,
                    request.RestrictFor is { } span ? _timeProvider.GetUtcNow() + span : null,
                    cancellationToken);
                return new TelegramModerationResult(true, request.RestrictFor is null ? "Author muted until lifted." : "Author muted for a while.");

            case TelegramModerationAction.PinWarning:
                if (!bot.IsOwner && bot.CanPinMessages != true)
                {
                    return TelegramModerationResult.Refused("The bot lacks the 'Pin messages' admin right in this chat.");
                }

                if (string.IsNullOrWhiteSpace(request.WarningText))
                {
                    return TelegramModerationResult.Refused("A warning needs text.");
                }

                var warning = await _client.SendMessageAsync(
                    new TelegramOutgoingMessage(chatId, request.WarningText, MessageThreadId: TelegramUpdateMapper.TopicOf(request.ThreadId)),
                    cancellationToken);
                await _client.PinChatMessageAsync(chatId, warning.MessageId, disableNotification: false, cancellationToken);
                return new TelegramModerationResult(true, "Warning posted and pinned.", TelegramUpdateMapper.MessageKey(chatId, warning.MessageId));

            default:
                return TelegramModerationResult.Refused("Unknown moderation action.");
        }
    }

    private async Task<long> BotIdAsync(CancellationToken cancellationToken)
    {
        if (_botId is { } id)
        {
            return id;
        }

        var me = await _client.GetMeAsync(cancellationToken);
        _botId = me.Id;
        return me.Id;
    }
}
