using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Connectors;
using Switchboard.Core.Triage;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Handles one update, the same way for long polling and webhooks: customer messages go to the sink's durable
/// ingest, button presses become card actions answered within Telegram's deadline, and a reviewer's reply after
/// Edit becomes the edited text. It returns only when whatever must survive a crash has been stored by the sink;
/// an exception means "not stored", so the caller must not confirm the update.
/// </summary>
internal sealed class TelegramUpdateHandler(
    TelegramBotApiClient client,
    TelegramPendingEdits pendingEdits,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramUpdateHandler> logger,
    CampaignChatCommands? commands = null)
{
    /// <summary>callback_data of an intent button offered after Retag: <c>sbi:{token}:{intent}</c>.</summary>
    internal const string IntentChoicePrefix = "sbi:";

    private const int MaxCallbackDataBytes = 64;

    private readonly TelegramChatRoles _roles = TelegramChatRoles.From(options.Value);

    // The bot's own username (getMe), learned at the first command that names a bot.
    private string? _username;

    public async Task HandleAsync(TelegramUpdate update, IInboundSink sink, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } callback)
        {
            await HandleCallbackAsync(callback, sink, cancellationToken);
            return;
        }

        var edited = update.Message is null;
        var message = update.Message ?? update.EditedMessage;
        if (message is null)
        {
            Log.UpdateIgnored(logger, update.UpdateId, "kind not handled");
            return;
        }

        if (message.From?.IsBot == true)
        {
            Log.UpdateIgnored(logger, update.UpdateId, "sent by a bot");
            return;
        }

        if (_roles.IsTeamChat(message.Chat.Id))
        {
            if (!edited && IsCampaignCommand(message))
            {
                // A command is team work, never a customer message: it opens no case.
                if (await IsForThisBotAsync(message.Text!, cancellationToken))
                {
                    await HandleCommandAsync(message, cancellationToken);
                }
                else
                {
                    Log.UpdateIgnored(logger, update.UpdateId, "command for another bot");
                }
            }
            else if (!edited)
            {
                await HandleTeamMessageAsync(update.UpdateId, message, sink, cancellationToken);
            }

            return;
        }

        if (!_roles.IsCustomerChat(message.Chat))
        {
            Log.UpdateIgnored(logger, update.UpdateId, "chat is neither a customer nor a team chat");
            return;
        }

        var inbound = TelegramUpdateMapper.ToInboundMessage(message, edited, timeProvider.GetUtcNow());
        var result = await sink.IngestAsync(inbound, cancellationToken);
        Log.MessageIngested(logger, update.UpdateId, result.MessageId, result.Duplicate, inbound.Attachments.Count);
    }

    private async Task HandleCallbackAsync(TelegramCallbackQuery callback, IInboundSink sink, CancellationToken cancellationToken)
    {
        var data = callback.Data ?? string.Empty;
        var chat = callback.Message?.Chat;
        if (chat is null || !_roles.IsTeamChat(chat.Id))
        {
            // Cards are only posted into team chats; a press from anywhere else is not a reviewer's.
            await AnswerAsync(callback.Id, "This chat is not a review channel.", alert: true, cancellationToken);
            return;
        }

        if (data.StartsWith(TelegramCardRenderer.EditPrefix, StringComparison.Ordinal))
        {
            await StartEditAsync(callback, chat.Id, data[TelegramCardRenderer.EditPrefix.Length..], cancellationToken);
            return;
        }

        if (data.StartsWith(TelegramCardRenderer.RetagPrefix, StringComparison.Ordinal))
        {
            await OfferIntentsAsync(callback, chat.Id, data[TelegramCardRenderer.RetagPrefix.Length..], cancellationToken);
            return;
        }

        if (data.StartsWith(IntentChoicePrefix, StringComparison.Ordinal))
        {
            await ChooseIntentAsync(callback, chat.Id, data[IntentChoicePrefix.Length..], sink, cancellationToken);
            return;
        }

        if (!data.StartsWith(TelegramCardRenderer.ActionPrefix, StringComparison.Ordinal))
        {
            await AnswerAsync(callback.Id, "This button is not from Switchboard.", alert: false, cancellationToken);
            return;
        }

        var request = new CardActionRequest(
            data[TelegramCardRenderer.ActionPrefix.Length..],
            TelegramUpdateMapper.Id(callback.From.Id),
            callback.From.Handle,
            TelegramUpdateMapper.Platform);
        await RunPressAsync(callback, request, sink, cancellationToken);
    }

    /// <summary>Runs a pressed action and answers the press with its result, or early with "working on it".</summary>
    private async Task RunPressAsync(TelegramCallbackQuery callback, CardActionRequest request, IInboundSink sink, CancellationToken cancellationToken)
    {
        var work = RunActionAsync(sink, request, cancellationToken);
        CardActionResult result;
        try
        {
            result = await work.WaitAsync(TimeSpan.FromSeconds(options.Value.CallbackAnswerSeconds), timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The client spins until answered and the query expires soon after: answer now, finish the action anyway.
            Log.CallbackAnsweredEarly(logger, callback.Id);
            await AnswerAsync(callback.Id, "Working on it…", alert: false, cancellationToken);
            var late = await work;
            if (!late.Accepted && callback.Message is { } card)
            {
                // The press was already answered, so a refusal can only reach the reviewer as a message.
                await NotifyAsync(card, $"{callback.From.Handle}: {late.Message}", cancellationToken);
            }

            return;
        }

        await AnswerAsync(callback.Id, result.Message, alert: !result.Accepted, cancellationToken);
    }

    /// <summary>
    /// Runs a card action. A press is not durable state (its query expires within seconds), so a failing action is
    /// reported to the reviewer and counted as handled rather than retried forever, which would stall every update
    /// behind it. The sink guards tokens and case versions, so pressing again is safe.
    /// </summary>
    private async Task<CardActionResult> RunActionAsync(IInboundSink sink, CardActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sink.HandleActionAsync(request, cancellationToken);
            Log.CardActionHandled(logger, result.Accepted, result.CaseId);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CardActionFailed(logger, ex);
            return CardActionResult.Refused("That did not work; please try again.");
        }
    }

    /// <summary>Retag: a small keyboard of intents under the card; pressing one runs Retag with that intent.</summary>
    private async Task OfferIntentsAsync(TelegramCallbackQuery callback, long chatId, string token, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        foreach (var row in Intents.All
            .Select(intent => (Intent: intent, Data: IntentChoicePrefix + token + ":" + intent))
            .Where(choice => System.Text.Encoding.UTF8.GetByteCount(choice.Data) <= MaxCallbackDataBytes)
            .Chunk(3))
        {
            rows.Add(new JsonArray([.. row.Select(choice => (JsonNode)new JsonObject { ["text"] = choice.Intent, ["callback_data"] = choice.Data })]));
        }

        var chooser = new TelegramOutgoingMessage(
            chatId,
            $"{callback.From.Handle}, pick the new intent.",
            MessageThreadId: callback.Message?.IsTopicMessage == true ? callback.Message.MessageThreadId : null,
            ReplyToMessageId: callback.Message?.MessageId,
            ReplyMarkup: new JsonObject { ["inline_keyboard"] = rows });
        await AnswerAsync(callback.Id, "Pick the new intent.", alert: false, cancellationToken);
        await SendPromptAsync(chooser, cancellationToken);
    }

    /// <summary>
    /// Sends an Edit or Retag prompt. A refusal (bot removed from the chat, rights taken away) is logged and the press
    /// counts as handled: retrying the update could never succeed and would hold up every update behind it.
    /// </summary>
    private async Task SendPromptAsync(TelegramOutgoingMessage prompt, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendMessageAsync(prompt, cancellationToken);
        }
        catch (ConnectorException ex) when (!ex.IsRetryable)
        {
            Log.ConfirmationFailed(logger, ex.Failure);
        }
    }

    private async Task ChooseIntentAsync(TelegramCallbackQuery callback, long chatId, string choice, IInboundSink sink, CancellationToken cancellationToken)
    {
        var colon = choice.LastIndexOf(':');
        if (colon <= 0)
        {
            await AnswerAsync(callback.Id, "This button is not from Switchboard.", alert: false, cancellationToken);
            return;
        }

        var request = new CardActionRequest(
            choice[..colon],
            TelegramUpdateMapper.Id(callback.From.Id),
            callback.From.Handle,
            TelegramUpdateMapper.Platform,
            NewIntent: choice[(colon + 1)..]);
        await RunPressAsync(callback, request, sink, cancellationToken);
        if (callback.Message is { } chooser)
        {
            try
            {
                // The chooser has done its job; an empty keyboard removes its buttons.
                await client.EditMessageReplyMarkupAsync(chatId, chooser.MessageId, new JsonObject { ["inline_keyboard"] = new JsonArray() }, cancellationToken);
            }
            catch (ConnectorException ex)
            {
                Log.ConfirmationFailed(logger, ex.Failure);
            }
        }
    }

    private async Task StartEditAsync(TelegramCallbackQuery callback, long chatId, string token, CancellationToken cancellationToken)
    {
        await pendingEdits.StartAsync(chatId, callback.From.Id, token, TimeSpan.FromMinutes(options.Value.EditReplyWindowMinutes), cancellationToken);
        var prompt = new TelegramOutgoingMessage(
            chatId,
            $"{callback.From.Handle}, reply to this message with the new reply text.",
            MessageThreadId: callback.Message?.IsTopicMessage == true ? callback.Message.MessageThreadId : null,
            ReplyToMessageId: callback.Message?.MessageId,
            ReplyMarkup: new JsonObject
            {
                ["force_reply"] = true,
                ["selective"] = true,
                ["input_field_placeholder"] = "New reply text",
            });
        await AnswerAsync(callback.Id, "Reply with the new text.", alert: false, cancellationToken);
        await SendPromptAsync(prompt, cancellationToken);
        Log.EditStarted(logger, callback.Id);
    }

    private async Task HandleTeamMessageAsync(long updateId, TelegramMessage message, IInboundSink sink, CancellationToken cancellationToken)
    {
        var text = message.Text ?? message.Caption;
        if (message.From is not { } reviewer || string.IsNullOrWhiteSpace(text)
            || await pendingEdits.TryTakeAsync(message.Chat.Id, reviewer.Id, cancellationToken) is not { } token)
        {
            // Team chats are where reviewers talk; their chatter is not customer traffic.
            Log.UpdateIgnored(logger, updateId, "team chat message without a pending edit");
            return;
        }

        var request = new CardActionRequest(
            token,
            TelegramUpdateMapper.Id(reviewer.Id),
            reviewer.Handle,
            TelegramUpdateMapper.Platform,
            EditedText: text);
        var result = await RunActionAsync(sink, request, cancellationToken);
        await NotifyAsync(message, result.Message, cancellationToken);
    }

    /// <summary>True for <c>/campaign…</c> or <c>/staffing…</c> with a bot_command entity at offset 0 (how Telegram marks a command).</summary>
    internal static bool IsCampaignCommand(TelegramMessage message) =>
        message.Text is { } text && message.Entities?.Any(e => e.Type == "bot_command" && e.Offset == 0) == true
        && CampaignChatCommands.IsCommand(CampaignChatCommands.Normalize(text));

    /// <summary>
    /// False for <c>/campaign@OtherBot …</c> in a group with several bots. The bot's own username comes from getMe once;
    /// when that fails the command is taken as ours (a false "ignored" would lose it).
    /// </summary>
    private async Task<bool> IsForThisBotAsync(string text, CancellationToken cancellationToken)
    {
        var head = text.TrimStart().Split([' ', '\n', '\t'], 2)[0];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        if (_username is null)
        {
            try
            {
                _username = (await client.GetMeAsync(cancellationToken)).Username ?? string.Empty;
            }
            catch (ConnectorException)
            {
                return true;
            }
        }

        return _username.Length == 0 || string.Equals(head[(at + 1)..], _username, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Runs a campaign command from a team chat: the answer card goes to that chat (and topic) through the outbox; a
    /// refusal or a usage error is answered in the chat as a reply, since Telegram has no private answers in groups.
    /// </summary>
    private async Task HandleCommandAsync(TelegramMessage message, CancellationToken cancellationToken)
    {
        if (commands is null || message.From is not { } from)
        {
            await NotifyAsync(message, "Campaign commands are not enabled on this Switchboard.", cancellationToken);
            return;
        }

        var topic = message.IsTopicMessage == true && message.MessageThreadId is { } thread ? TelegramUpdateMapper.Id(thread) : null;
        var channel = new ChannelAddress(TelegramUpdateMapper.Platform, TelegramUpdateMapper.Id(message.Chat.Id), topic);
        var reply = await commands.RunAsync(TelegramUpdateMapper.Platform, TelegramUpdateMapper.Id(from.Id), message.Text!, channel, cancellationToken);
        if (!reply.Ok)
        {
            await NotifyAsync(message, reply.Text, cancellationToken);
        }
    }

    /// <summary>Posts a short note as a reply to <paramref name="replyTo"/>, in its topic; best effort.</summary>
    private async Task NotifyAsync(TelegramMessage replyTo, string text, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendMessageAsync(
                new TelegramOutgoingMessage(
                    replyTo.Chat.Id,
                    text,
                    MessageThreadId: replyTo.IsTopicMessage == true ? replyTo.MessageThreadId : null,
                    ReplyToMessageId: replyTo.MessageId),
                cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // The action itself is done; only the note to the reviewer failed.
            Log.ConfirmationFailed(logger, ex.Failure);
        }
    }

    private async Task AnswerAsync(string callbackId, string text, bool alert, CancellationToken cancellationToken)
    {
        try
        {
            await client.AnswerCallbackQueryAsync(callbackId, text, alert, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // A late or repeated answer fails with "query is too old"; the action itself has been handled.
            Log.CallbackAnswerFailed(logger, ex.Failure);
        }
    }
}
