using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

// Never logs tokens, message text, user names or URLs: ids of stored rows and route templates only.
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Discord gateway: identifying (intents {Intents}, identify #{Count} of this process)")]
    public static partial void GatewayIdentifying(ILogger logger, int intents, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Discord gateway: resuming after sequence {Sequence}")]
    public static partial void GatewayResuming(ILogger logger, long sequence);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Discord gateway: ready")]
    public static partial void GatewayReady(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Discord gateway: resumed at sequence {Sequence}")]
    public static partial void GatewayResumed(ILogger logger, long sequence);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Discord gateway: reconnecting in {Milliseconds} ms (resume: {Resume})")]
    public static partial void GatewayReconnecting(ILogger logger, double milliseconds, bool resume);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK since the last beat; dropping the zombie connection to resume")]
    public static partial void GatewayZombie(ILogger logger);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Discord gateway: server asked to reconnect (op 7)")]
    public static partial void GatewayReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Discord gateway: invalid session (resumable: {Resumable}); waiting {Milliseconds} ms")]
    public static partial void GatewayInvalidSession(ILogger logger, bool resumable, double milliseconds);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Discord gateway: connection dropped ({Reason})")]
    public static partial void GatewayDropped(ILogger logger, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Discord gateway: closed with {Code} (resumable: {Resumable})")]
    public static partial void GatewayClosed(ILogger logger, int code, bool resumable);

    [LoggerMessage(EventId = 11, Level = LogLevel.Critical, Message = "Discord gateway: closed with {Code}, which must not be retried")]
    public static partial void GatewayClosedFatal(ILogger logger, int code);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Discord gateway: handling an event failed; the event will be replayed on resume")]
    public static partial void GatewayHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Discord gateway: protocol error ({Reason})")]
    public static partial void GatewayProtocol(ILogger logger, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Discord gateway: waiting {Milliseconds} ms before identifying (identify rate limit)")]
    public static partial void GatewayIdentifyWait(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 15, Level = LogLevel.Critical, Message = "Discord gateway: no session starts left today (1000 a day, else the token is reset); waiting {Seconds} s before identifying")]
    public static partial void GatewaySessionStartsExhausted(ILogger logger, double seconds);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Discord REST: waiting {Milliseconds} ms for the rate limit of {Route}")]
    public static partial void RateLimitWait(ILogger logger, string route, double milliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Discord REST: 429 on {Route}; retry after {Milliseconds} ms (global: {Global}, scope: {Scope})")]
    public static partial void RateLimited(ILogger logger, string route, double milliseconds, bool global, string? scope);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Discord: message stored as {MessageId} (duplicate: {Duplicate}, public: {IsPublic}, attachments: {Attachments})")]
    public static partial void MessageIngested(ILogger logger, long messageId, bool duplicate, bool isPublic, int attachments);

    [LoggerMessage(EventId = 31, Level = LogLevel.Debug, Message = "Discord: opened the {Verb} modal")]
    public static partial void InteractionModal(ILogger logger, string verb);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Discord: card action {Verb} on case {CaseId} accepted: {Accepted}")]
    public static partial void InteractionHandled(ILogger logger, string verb, bool accepted, long caseId);

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning, Message = "Discord: interaction failed ({Failure}): {Reason}")]
    public static partial void InteractionFailed(ILogger logger, ConnectorFailure failure, string reason);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Discord moderation: {Action} done (guild {GuildId}, channel {ChannelId})")]
    public static partial void ModerationDone(ILogger logger, string action, string guildId, string channelId);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Discord moderation: {Action} refused: {Reason}")]
    public static partial void ModerationRefused(ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Discord moderation: warning posted in channel {ChannelId} but not pinned ({Failure})")]
    public static partial void WarningNotPinned(ILogger logger, string channelId, string failure);

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Discord application commands registered ({Scope})")]
    public static partial void CommandsRegistered(ILogger logger, string scope);

    [LoggerMessage(EventId = 91, Level = LogLevel.Warning, Message = "Discord application commands not registered ({Failure}); typed commands need them")]
    public static partial void CommandsNotRegistered(ILogger logger, Switchboard.Core.Connectors.ConnectorFailure failure);

    [LoggerMessage(EventId = 92, Level = LogLevel.Information, Message = "Discord command {Command} refused: not a team channel")]
    public static partial void CommandOutsideTeamChannel(ILogger logger, string command);
}
