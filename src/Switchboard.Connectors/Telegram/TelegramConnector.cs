using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Telegram as a chat connector. Receiving: long polling (offset saved only after the sink stored the update) or,
/// in webhook mode, registering the webhook and leaving the rest to the endpoint from MapTelegramWebhook.
/// Sending: cards as HTML with an inline keyboard, replies in the group thread or in the DM, long text split.
/// </summary>
internal sealed class TelegramConnector(
    TelegramBotApiClient client,
    TelegramUpdateHandler handler,
    TelegramCardRenderer renderer,
    ITelegramOffsetStore offsetStore,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramConnector> logger) : IChatConnector, IMessagePinner
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // A real Bot API holds an empty poll for the whole timeout; servers that answer at once (the emulator, a
    // misconfigured proxy) would otherwise be hammered.
    private static readonly TimeSpan EmptyPollPause = TimeSpan.FromMilliseconds(200);

    private int _receiving;

    public string Name => "telegram";

    public async Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);

        // Two loops on one bot would fight over getUpdates (409) and race on the offset.
        if (Interlocked.Exchange(ref _receiving, 1) == 1)
        {
            throw new InvalidOperationException("The Telegram connector is already receiving.");
        }

        try
        {
            await RegisterCommandsAsync(cancellationToken);
            if (options.Value.Mode == TelegramReceiveMode.Webhook)
            {
                await RegisterWebhookAsync(cancellationToken);
                return;
            }

            await PollAsync(sink, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ReceiveStopped(logger);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>pinChatMessage (the bot needs the can_pin_messages right in groups); quiet, since the message itself just notified.</summary>
    public async Task PinAsync(PostedMessageRef message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!long.TryParse(message.PlatformMessageId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var messageId))
        {
            throw new ConnectorException(ConnectorFailure.Invalid, "A Telegram message id is a number.");
        }

        await client.PinChatMessageAsync(ChatId(message.ChannelId), messageId, disableNotification: true, cancellationToken);
    }

    /// <summary>
    /// setMyCommands scoped to each team chat, so clients offer /campaign and /staffing there and not to customers.
    /// Best effort: without it the commands still work when typed.
    /// </summary>
    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        foreach (var chat in options.Value.TeamChats)
        {
            try
            {
                await client.SetMyCommandsAsync(Core.Campaigns.CampaignChatCommands.Definitions, new JsonObject { ["type"] = "chat", ["chat_id"] = ChatId(chat) }, cancellationToken);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException)
            {
                Log.CommandsNotRegistered(logger, ex.GetType().Name);
            }
        }
    }

    public async Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var rendered = Render(card);
        var markup = rendered["reply_markup"] as JsonObject;
        var message = await client.SendMessageAsync(
            new TelegramOutgoingMessage(
                ChatId(channel.ChannelId),
                (string)rendered["text"]!,
                ParseMode: "HTML",
                MessageThreadId: TelegramUpdateMapper.TopicOf(channel.ThreadId),
                ReplyMarkup: HasButtons(markup) ? markup : null),
            cancellationToken);
        Log.CardPosted(logger, card.Kind, message.MessageId);
        return new PostedMessageRef(Name, channel.ChannelId, TelegramUpdateMapper.Id(message.MessageId));
    }

    public async Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var rendered = Render(card);

        // An empty inline_keyboard is how Telegram removes the buttons of a decided card.
        await client.EditMessageTextAsync(
            ChatId(posted.ChannelId),
            MessageId(posted.PlatformMessageId),
            (string)rendered["text"]!,
            "HTML",
            rendered["reply_markup"] as JsonObject ?? new JsonObject { ["inline_keyboard"] = new JsonArray() },
            cancellationToken);
        Log.CardUpdated(logger, card.Kind, posted.PlatformMessageId);
    }

    public async Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConnectorException(ConnectorFailure.Invalid, "Telegram cannot send an empty reply.");
        }

        long chatId;
        long? topic = null;
        long? replyTo = null;
        var hasOriginal = TelegramUpdateMapper.TryParseMessageKey(target.ReplyToPlatformMessageId, out var originalChat, out var originalMessage);
        if (target.IsPublic)
        {
            chatId = ChatId(target.ConversationId);
            topic = TelegramUpdateMapper.TopicOf(target.ThreadId);

            // Replying to the customer's message keeps the answer in their reply chain.
            replyTo = hasOriginal && originalChat == chatId ? originalMessage : null;
        }
        else
        {
            // A user's private chat with the bot has the user's id; a DM needs the user to have started the bot.
            chatId = ChatId(target.RecipientId ?? target.ConversationId);
            replyTo = hasOriginal && originalChat == chatId ? originalMessage : null;
        }

        var parts = TelegramMessageSplitter.Split(text, html: false);
        long? first = null;
        foreach (var part in parts)
        {
            var sent = await client.SendMessageAsync(
                new TelegramOutgoingMessage(chatId, part, MessageThreadId: topic, ReplyToMessageId: first is null ? replyTo : null),
                cancellationToken);
            first ??= sent.MessageId;
        }

        Log.ReplySent(logger, target.IsPublic, parts.Count);
        return new PostedMessageRef(Name, TelegramUpdateMapper.Id(chatId), TelegramUpdateMapper.Id(first!.Value));
    }

    public async Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var max = options.Value.MaxDownloadBytes;
        if (attachment.SizeBytes > max)
        {
            throw new ConnectorException(ConnectorFailure.Invalid, $"Telegram attachment is {attachment.SizeBytes} bytes, over the {max}-byte limit.");
        }

        var file = await client.GetFileAsync(attachment.Reference, cancellationToken);
        if (file.FileSize > max)
        {
            throw new ConnectorException(ConnectorFailure.Invalid, $"Telegram file is {file.FileSize} bytes, over the {max}-byte limit.");
        }

        if (string.IsNullOrEmpty(file.FilePath))
        {
            // The cloud API leaves file_path out for files over its 20 MB download limit.
            throw new ConnectorException(ConnectorFailure.Invalid, "Telegram offers no download path for this file (too large for the Bot API).");
        }

        if (Path.IsPathRooted(file.FilePath))
        {
            // A local Bot API server in --local mode answers a path on its own disk; reading server paths is not done here.
            throw new ConnectorException(ConnectorFailure.Invalid, "Telegram returned a local file path; run the Bot API server without --local.");
        }

        var content = await client.DownloadFileAsync(file.FilePath, max, cancellationToken);
        Log.FileDownloaded(logger, attachment.Kind, content.Length);
        return new DownloadedFile(content, attachment.MimeType, attachment.FileName);
    }

    private async Task RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await client.SetWebhookAsync(settings.WebhookUrl!, settings.WebhookSecret!, cancellationToken);
                break;
            }
            catch (ConnectorException ex) when (ex.IsRetryable)
            {
                var delay = Backoff(ex, failures);
                Log.PollFailed(logger, ex, failures, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }

        Log.WebhookRegistered(logger);

        // Updates arrive at the endpoint; this call only holds the connector's place in the runner until shutdown.
        await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
    }

    private async Task PollAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        var offset = await offsetStore.LoadAsync(cancellationToken);
        Log.PollingStarted(logger, offset);
        var webhookCleared = false;
        var givingUp = false;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<Api.TelegramUpdate> updates;
                try
                {
                    if (!webhookCleared)
                    {
                        // getUpdates answers 409 while a webhook is set; pending updates are kept, not dropped.
                        await client.DeleteWebhookAsync(dropPendingUpdates: false, cancellationToken);
                        webhookCleared = true;
                    }

                    updates = await client.GetUpdatesAsync(offset, options.Value.PollTimeoutSeconds, cancellationToken);
                }
                catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.Auth or ConnectorFailure.NotFound)
                {
                    // A revoked token or a wrong API URL will not heal by polling again: stop, and let the host's
                    // receiver supervisor (and the health check) report it.
                    Log.PollingGaveUp(logger, ex.Failure);
                    givingUp = true;
                    throw;
                }

                // No client-side "id below offset" filter: update ids restart at a random value after a week of
                // silence, and a server that re-sends an update is covered by the sink's dedupe on stable ids.
                foreach (var update in updates.OrderBy(u => u.UpdateId))
                {
                    await handler.HandleAsync(update, sink, cancellationToken);

                    // Only now is the update safe: the sink stored it. Saving the offset is what confirms it to Telegram.
                    offset = update.UpdateId + 1;
                    await offsetStore.SaveAsync(offset.Value, cancellationToken);
                }

                failures = 0;
                if (updates.Count == 0)
                {
                    await Task.Delay(EmptyPollPause, timeProvider, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!givingUp)
            {
                // Per-iteration catch: one bad poll, a sink outage or a rate limit must not end receiving.
                failures++;
                var delay = Backoff(ex, failures);
                Log.PollFailed(logger, ex, failures, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Telegram's retry_after when it gave one, else 0.5 s doubling per failure up to 30 s.</summary>
    private static TimeSpan Backoff(Exception failure, int failures) =>
        failure is ConnectorException { RetryAfter: { } after }
            ? after
            : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, TimeSpan.FromMilliseconds(500).Ticks << Math.Min(failures - 1, 10)));

    private JsonObject Render(CardPayload card)
    {
        try
        {
            return renderer.Render(card);
        }
        catch (ArgumentException ex)
        {
            // A card that cannot be shown on Telegram will not become showable by retrying.
            throw new ConnectorException(ConnectorFailure.Invalid, "The card cannot be rendered for Telegram: " + ex.Message, null, ex);
        }
    }

    private static bool HasButtons(JsonObject? markup) => markup?["inline_keyboard"] is JsonArray { Count: > 0 };

    private static long ChatId(string id) =>
        long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat)
            ? chat
            : throw new ConnectorException(ConnectorFailure.Invalid, "Telegram chat id is not numeric.");

    private static long MessageId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var message)
            ? message
            : throw new ConnectorException(ConnectorFailure.Invalid, "Telegram message id is not numeric.");
}
