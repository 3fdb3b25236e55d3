using System.Net.Http;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Log events of the Telegram connector. None carries the bot token, a URL, message text or a user's name:
/// only method names, ids Telegram assigns to updates and messages, counts and outcomes.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Telegram {Method} timed out")]
    public static partial void CallTimedOut(ILogger logger, string method);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Telegram {Method} failed on the network: {Error}")]
    public static partial void CallFailedOnNetwork(ILogger logger, string method, HttpRequestError error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telegram {Method} was rejected with {Code}")]
    public static partial void CallRejected(ILogger logger, string method, int code);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Telegram long polling started at offset {Offset}")]
    public static partial void PollingStarted(ILogger logger, long? offset);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Telegram poll failed ({Failures} in a row); next try in {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "Telegram polling stopped: the Bot API refused the bot ({Failure}); check the token and ApiBaseUrl")]
    public static partial void PollingGaveUp(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Telegram receiving stopped")]
    public static partial void ReceiveStopped(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Telegram webhook registered")]
    public static partial void WebhookRegistered(ILogger logger);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ignored: {Reason}")]
    public static partial void UpdateIgnored(ILogger logger, long updateId, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Telegram update {UpdateId} stored as message {MessageId} (duplicate: {Duplicate}, attachments: {Attachments})")]
    public static partial void MessageIngested(ILogger logger, long updateId, long messageId, bool duplicate, int attachments);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Telegram card action handled (accepted: {Accepted}, case {CaseId})")]
    public static partial void CardActionHandled(ILogger logger, bool accepted, long? caseId);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Telegram callback {CallbackId} answered before its action finished")]
    public static partial void CallbackAnsweredEarly(ILogger logger, string callbackId);

    [LoggerMessage(EventId = 24, Level = LogLevel.Debug, Message = "Telegram callback answer failed: {Failure}")]
    public static partial void CallbackAnswerFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Telegram edit started from callback {CallbackId}; waiting for the reviewer's reply")]
    public static partial void EditStarted(ILogger logger, string callbackId);

    [LoggerMessage(EventId = 26, Level = LogLevel.Warning, Message = "Telegram confirmation to the reviewer failed: {Failure}")]
    public static partial void ConfirmationFailed(ILogger logger, ConnectorFailure failure);

    [LoggerMessage(EventId = 27, Level = LogLevel.Error, Message = "Telegram card action failed; the reviewer was told to try again")]
    public static partial void CardActionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Telegram {Kind} card posted as message {MessageId}")]
    public static partial void CardPosted(ILogger logger, string kind, long messageId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Telegram {Kind} card {MessageId} updated")]
    public static partial void CardUpdated(ILogger logger, string kind, string messageId);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Telegram reply sent (public: {IsPublic}, parts: {Parts})")]
    public static partial void ReplySent(ILogger logger, bool isPublic, int parts);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "Telegram {Kind} attachment downloaded ({Bytes} bytes)")]
    public static partial void FileDownloaded(ILogger logger, string kind, int bytes);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Telegram webhook request rejected: missing or wrong secret token")]
    public static partial void WebhookRejected(ILogger logger);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Telegram webhook update {UpdateId} was not stored; Telegram will deliver it again")]
    public static partial void WebhookUpdateFailed(ILogger logger, Exception exception, long updateId);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Telegram moderation {Action} finished (done: {Done})")]
    public static partial void ModerationDone(ILogger logger, TelegramModerationAction action, bool done);

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "Telegram setMyCommands failed ({Reason}); the commands still work when typed")]
    public static partial void CommandsNotRegistered(ILogger logger, string reason);
}
