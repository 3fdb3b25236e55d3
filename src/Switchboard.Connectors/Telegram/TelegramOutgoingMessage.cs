using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Telegram;

/// <summary>A sendMessage call: where, what, and how it threads.</summary>
/// <param name="ParseMode">"HTML", or null for plain text.</param>
/// <param name="MessageThreadId">Forum topic to post into.</param>
/// <param name="ReplyToMessageId">Message to reply to; the reply goes out even if that message was deleted.</param>
/// <param name="ReplyMarkup">Inline keyboard or force-reply markup.</param>
internal sealed record TelegramOutgoingMessage(
    long ChatId,
    string Text,
    string? ParseMode = null,
    long? MessageThreadId = null,
    long? ReplyToMessageId = null,
    JsonObject? ReplyMarkup = null);
