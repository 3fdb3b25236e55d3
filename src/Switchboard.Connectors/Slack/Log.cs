using Microsoft.Extensions.Logging;

namespace Switchboard.Connectors.Slack;

/// <summary>Slack connector log events. Never log tokens, signing secrets, file URLs or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Slack {Method} rate-limited: Retry-After {RetryAfterSeconds}s (attempt {Attempt}, retry inline {RetryInline})")]
    public static partial void SlackRateLimited(this ILogger logger, string method, double retryAfterSeconds, int attempt, bool retryInline);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Slack {Method} answered ok=false: {Error}")]
    public static partial void SlackCallFailed(this ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Slack request refused: signature {Result}")]
    public static partial void SlackSignatureRejected(this ILogger logger, string result);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Slack redelivery {RetryNum} ({RetryReason})")]
    public static partial void SlackEventRetry(this ILogger logger, string retryNum, string retryReason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Slack event {EventId} already stored; skipped")]
    public static partial void SlackEventDuplicate(this ILogger logger, string eventId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Slack event {EventId} stored as message {MessageId} (duplicate {Duplicate})")]
    public static partial void SlackMessageStored(this ILogger logger, string eventId, long messageId, bool duplicate);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Slack event could not be stored; Slack will redeliver it")]
    public static partial void SlackEventFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Slack reports app_rate_limited: events are being dropped for this minute")]
    public static partial void SlackAppRateLimited(this ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Slack interaction {Type} ignored")]
    public static partial void SlackInteractionIgnored(this ILogger logger, string type);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Slack card action {Verb}: accepted {Accepted}")]
    public static partial void SlackCardAction(this ILogger logger, string verb, bool accepted);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Slack refusal could not be shown ({Failure})")]
    public static partial void SlackEphemeralFailed(this ILogger logger, string failure, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Slack interaction could not be handled")]
    public static partial void SlackInteractionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Slack socket connected ({NumConnections} open)")]
    public static partial void SlackSocketHello(this ILogger logger, string numConnections);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Slack socket disconnect requested: {Reason}")]
    public static partial void SlackSocketDisconnect(this ILogger logger, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Slack socket failed (consecutive failures {Failures}); reconnecting with backoff")]
    public static partial void SlackSocketFailed(this ILogger logger, int failures, Exception exception);

    [LoggerMessage(EventId = 23, Level = LogLevel.Critical, Message = "Slack app token refused; Socket Mode stops")]
    public static partial void SlackSocketAuthFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 24, Level = LogLevel.Error, Message = "Slack Socket Mode is disabled for this app (link_disabled); receiving stops")]
    public static partial void SlackSocketLinkDisabled(this ILogger logger);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Slack socket closed by the server ({CloseStatus})")]
    public static partial void SlackSocketClosed(this ILogger logger, string closeStatus);

    [LoggerMessage(EventId = 26, Level = LogLevel.Warning, Message = "Slack socket frame is not JSON; skipped")]
    public static partial void SlackSocketBadFrame(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 27, Level = LogLevel.Error, Message = "Slack envelope {Type} could not be handled")]
    public static partial void SlackEnvelopeFailed(this ILogger logger, string type, Exception exception);

    [LoggerMessage(EventId = 28, Level = LogLevel.Debug, Message = "Slack socket close failed")]
    public static partial void SlackSocketCloseFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 29, Level = LogLevel.Debug, Message = "Slack socket stopping")]
    public static partial void SlackSocketStopping(this ILogger logger);

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Slack command {Command} refused: not a team channel")]
    public static partial void SlackCommandOutsideTeamChannel(this ILogger logger, string command);

    [LoggerMessage(EventId = 91, Level = LogLevel.Error, Message = "Slack command could not be handled")]
    public static partial void SlackCommandFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 92, Level = LogLevel.Warning, Message = "Slack pin refused: {Error}")]
    public static partial void SlackPinFailed(this ILogger logger, string error);
}
