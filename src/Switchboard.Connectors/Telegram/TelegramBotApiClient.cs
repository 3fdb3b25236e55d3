using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Typed Bot API client: JSON POSTs to <c>{ApiBaseUrl}/bot{token}/{method}</c>. The token lives only in the
/// request URI; HttpClientFactory's request logging is removed at registration, and nothing here logs a URI.
/// Sends are paced by <see cref="TelegramSendPacer"/>; idempotent reads retry briefly; sends are not retried here
/// (the outbox owns that, so an ambiguous failure never sends twice from two places).
/// </summary>
internal sealed partial class TelegramBotApiClient(
    HttpClient http,
    IOptions<TelegramOptions> options,
    TelegramSendPacer pacer,
    TimeProvider timeProvider,
    ILogger<TelegramBotApiClient> logger)
{
    public const string HttpClientName = "telegram";

    private readonly ResiliencePipeline _readRetry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ConnectorException>(
                e => e.IsRetryable && (e.RetryAfter is null || e.RetryAfter <= TimeSpan.FromSeconds(10))),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ConnectorException { RetryAfter: { } after } ? after : (TimeSpan?)null),
        })
        .Build();

    private TimeSpan RequestTimeout => TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds);

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) =>
        ReadAsync<TelegramUser>("getMe", null, cancellationToken);

    /// <param name="offset">Highest update_id seen + 1; Telegram forgets everything below it.</param>
    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["offset"] = offset,
            ["limit"] = 100,
            ["timeout"] = timeoutSeconds,
            ["allowed_updates"] = new JsonArray("message", "edited_message", "callback_query"),
        };

        // The long poll needs more time than other calls: the server holds it for up to timeoutSeconds.
        var result = await CallAsync("getUpdates", RemoveNulls(body), TimeSpan.FromSeconds(timeoutSeconds) + RequestTimeout, cancellationToken);
        return Deserialize<List<TelegramUpdate>>(result, "getUpdates") ?? [];
    }

    public async Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["url"] = url,
            ["secret_token"] = secretToken,
            ["allowed_updates"] = new JsonArray("message", "edited_message", "callback_query"),
        };
        await CallAsync("setWebhook", body, RequestTimeout, cancellationToken);
    }

    /// <summary>setMyCommands for one scope (for example <c>{"type":"chat","chat_id":…}</c>), so clients offer the commands there.</summary>
    public async Task SetMyCommandsAsync(IEnumerable<(string Command, string Description)> commands, JsonObject scope, CancellationToken cancellationToken)
    {
        var list = new JsonArray(commands.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description }).ToArray());
        await CallAsync("setMyCommands", new JsonObject { ["commands"] = list, ["scope"] = scope }, RequestTimeout, cancellationToken);
    }

    public async Task DeleteWebhookAsync(bool dropPendingUpdates, CancellationToken cancellationToken) =>
        await CallAsync("deleteWebhook", new JsonObject { ["drop_pending_updates"] = dropPendingUpdates }, RequestTimeout, cancellationToken);

    public async Task<TelegramMessage> SendMessageAsync(TelegramOutgoingMessage message, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["chat_id"] = message.ChatId,
            ["text"] = message.Text,
            ["parse_mode"] = message.ParseMode,
            ["message_thread_id"] = message.MessageThreadId,
            ["link_preview_options"] = new JsonObject { ["is_disabled"] = true },
        };
        if (message.ReplyToMessageId is { } replyTo)
        {
            body["reply_parameters"] = new JsonObject { ["message_id"] = replyTo, ["allow_sending_without_reply"] = true };
        }

        if (message.ReplyMarkup is not null)
        {
            body["reply_markup"] = message.ReplyMarkup.DeepClone();
        }

        await pacer.WaitTurnAsync(message.ChatId, cancellationToken);
        var result = await CallAsync("sendMessage", RemoveNulls(body), RequestTimeout, cancellationToken);
        return Deserialize<TelegramMessage>(result, "sendMessage")
            ?? throw new ConnectorException(ConnectorFailure.Transient, "Telegram sendMessage returned no message.");
    }

    /// <summary>Replaces a message's text and keyboard; "message is not modified" counts as success.</summary>
    public async Task EditMessageTextAsync(long chatId, long messageId, string text, string? parseMode, JsonObject? replyMarkup, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["chat_id"] = chatId,
            ["message_id"] = messageId,
            ["text"] = text,
            ["parse_mode"] = parseMode,
            ["link_preview_options"] = new JsonObject { ["is_disabled"] = true },
            ["reply_markup"] = replyMarkup?.DeepClone(),
        };
        await pacer.WaitTurnAsync(chatId, cancellationToken);
        await CallAsync("editMessageText", RemoveNulls(body), RequestTimeout, cancellationToken);
    }

    /// <summary>Replaces (or, with an empty inline_keyboard, removes) a message's buttons.</summary>
    public async Task EditMessageReplyMarkupAsync(long chatId, long messageId, JsonObject replyMarkup, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["chat_id"] = chatId, ["message_id"] = messageId, ["reply_markup"] = replyMarkup.DeepClone() };
        await pacer.WaitTurnAsync(chatId, cancellationToken);
        await CallAsync("editMessageReplyMarkup", body, RequestTimeout, cancellationToken);
    }

    /// <param name="text">Shown to the presser; Telegram allows 0–200 characters, longer text is cut.</param>
    public async Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, bool showAlert, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["callback_query_id"] = callbackQueryId,
            ["text"] = text is { Length: > 200 } ? text[..199] + "…" : text,
            ["show_alert"] = showAlert,
        };
        await pacer.WaitIfPausedAsync(cancellationToken);
        await CallAsync("answerCallbackQuery", RemoveNulls(body), RequestTimeout, cancellationToken);
    }

    public Task<TelegramFile> GetFileAsync(string fileId, CancellationToken cancellationToken) =>
        ReadAsync<TelegramFile>("getFile", new JsonObject { ["file_id"] = fileId }, cancellationToken);

    /// <summary>Downloads <c>{base}/file/bot{token}/{filePath}</c>, refusing anything over <paramref name="maxBytes"/>.</summary>
    public Task<byte[]> DownloadFileAsync(string filePath, long maxBytes, CancellationToken cancellationToken) =>
        _readRetry.ExecuteAsync(
            async token => await DownloadOnceAsync(filePath, maxBytes, token),
            cancellationToken).AsTask();

    /// <param name="action">typing, record_voice, upload_document, …</param>
    public async Task SendChatActionAsync(long chatId, string action, long? messageThreadId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["chat_id"] = chatId, ["action"] = action, ["message_thread_id"] = messageThreadId };
        await CallAsync("sendChatAction", RemoveNulls(body), RequestTimeout, cancellationToken);
    }

    public async Task DeleteMessageAsync(long chatId, long messageId, CancellationToken cancellationToken) =>
        await CallAsync("deleteMessage", new JsonObject { ["chat_id"] = chatId, ["message_id"] = messageId }, RequestTimeout, cancellationToken);

    /// <summary>Takes every send permission away from a member until <paramref name="until"/> (null: forever).</summary>
    public async Task RestrictChatMemberAsync(long chatId, long userId, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var permissions = new JsonObject();
        foreach (var permission in (string[])["can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
            "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls", "can_send_other_messages",
            "can_add_web_page_previews"])
        {
            permissions[permission] = false;
        }

        var body = new JsonObject
        {
            ["chat_id"] = chatId,
            ["user_id"] = userId,
            ["permissions"] = permissions,
            ["use_independent_chat_permissions"] = true,
            ["until_date"] = until?.ToUnixTimeSeconds(),
        };
        await CallAsync("restrictChatMember", RemoveNulls(body), RequestTimeout, cancellationToken);
    }

    public async Task BanChatMemberAsync(long chatId, long userId, bool revokeMessages, CancellationToken cancellationToken) =>
        await CallAsync(
            "banChatMember",
            new JsonObject { ["chat_id"] = chatId, ["user_id"] = userId, ["revoke_messages"] = revokeMessages },
            RequestTimeout,
            cancellationToken);

    public async Task PinChatMessageAsync(long chatId, long messageId, bool disableNotification, CancellationToken cancellationToken) =>
        await CallAsync(
            "pinChatMessage",
            new JsonObject { ["chat_id"] = chatId, ["message_id"] = messageId, ["disable_notification"] = disableNotification },
            RequestTimeout,
            cancellationToken);

    public Task<TelegramChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        ReadAsync<TelegramChatMember>("getChatMember", new JsonObject { ["chat_id"] = chatId, ["user_id"] = userId }, cancellationToken);

    private async Task<T> ReadAsync<T>(string method, JsonObject? body, CancellationToken cancellationToken)
        where T : class =>
        await _readRetry.ExecuteAsync(
            async token => Deserialize<T>(await CallAsync(method, body?.DeepClone().AsObject(), RequestTimeout, token), method)
                ?? throw new ConnectorException(ConnectorFailure.Transient, $"Telegram {method} returned no result."),
            cancellationToken);

    private async Task<JsonElement> CallAsync(string method, JsonObject? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method))
        {
            Content = JsonContent.Create(body ?? [], options: TelegramJson.Options),
        };

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutCts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CallTimedOut(logger, method);
            throw new ConnectorException(ConnectorFailure.Transient, $"Telegram {method} timed out.");
        }
        catch (HttpRequestException ex)
        {
            // The exception text names host and port only; the request URI with the token is not in it.
            Log.CallFailedOnNetwork(logger, method, ex.HttpRequestError);
            throw new ConnectorException(ConnectorFailure.Transient, $"Telegram {method} failed on the network ({ex.HttpRequestError}).", null, ex);
        }

        using (response)
        {
            TelegramApiResponse? envelope = null;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<TelegramApiResponse>(TelegramJson.Options, timeoutCts.Token);
            }
            catch (JsonException)
            {
                // Not a Bot API envelope (a proxy error page, or the emulator's {"message"} errors): the status decides.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ConnectorException(ConnectorFailure.Transient, $"Telegram {method} timed out reading the response.");
            }

            if (envelope is { Ok: true })
            {
                return envelope.Result;
            }

            var code = envelope?.ErrorCode ?? (int)response.StatusCode;
            if (response.IsSuccessStatusCode && envelope is null)
            {
                code = (int)HttpStatusCode.BadGateway;
            }

            var description = envelope?.Description ?? response.ReasonPhrase;
            if (TelegramErrorMapper.IsNotModified(code, description))
            {
                return default;
            }

            var retryAfter = envelope?.Parameters?.RetryAfter;
            if (code == 429)
            {
                pacer.PauseFor(TimeSpan.FromSeconds(Math.Max(1, retryAfter ?? 1)));
            }

            if (envelope?.Parameters?.MigrateToChatId is { } migrated)
            {
                // A group upgraded to a supergroup has a new id; the config and stored addresses must follow it.
                description += $" (the chat moved to {migrated})";
            }

            Log.CallRejected(logger, method, code);
            throw TelegramErrorMapper.Map(method, code, description, retryAfter);
        }
    }

    private async Task<byte[]> DownloadOnceAsync(string filePath, long maxBytes, CancellationToken cancellationToken)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(RequestTimeout * 4);
        try
        {
            using var response = await http.GetAsync(FileUri(filePath), HttpCompletionOption.ResponseHeadersRead, timeoutCts.Token);
            if (!response.IsSuccessStatusCode)
            {
                Log.CallRejected(logger, "file download", (int)response.StatusCode);
                throw TelegramErrorMapper.Map("file download", response.StatusCode, response.ReasonPhrase);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeoutCts.Token);
            return await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, maxBytes, timeoutCts.Token)
                ?? throw TooLarge(maxBytes);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CallTimedOut(logger, "file download");
            throw new ConnectorException(ConnectorFailure.Transient, "Telegram file download timed out.");
        }
        catch (HttpRequestException ex)
        {
            Log.CallFailedOnNetwork(logger, "file download", ex.HttpRequestError);
            throw new ConnectorException(ConnectorFailure.Transient, $"Telegram file download failed on the network ({ex.HttpRequestError}).", null, ex);
        }
    }

    private static ConnectorException TooLarge(long maxBytes) =>
        new(ConnectorFailure.Invalid, $"Telegram file is larger than the {maxBytes}-byte download limit.");

    // Absolute URIs built by hand: a relative "bot123:ABC/…" would parse "bot123:" as a URI scheme.
    private Uri MethodUri(string method) => new($"{BaseUrl}/bot{options.Value.BotToken}/{method}", UriKind.Absolute);

    private Uri FileUri(string filePath) =>
        new($"{BaseUrl}/file/bot{options.Value.BotToken}/{string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString))}", UriKind.Absolute);

    private string BaseUrl => options.Value.ApiBaseUrl.TrimEnd('/');

    private static T? Deserialize<T>(JsonElement result, string method)
    {
        if (result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False)
        {
            return default;
        }

        try
        {
            return result.Deserialize<T>(TelegramJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(ConnectorFailure.Invalid, $"Telegram {method} returned a result of an unexpected shape.", null, ex);
        }
    }

    private static JsonObject RemoveNulls(JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        return body;
    }
}
