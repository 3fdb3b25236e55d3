using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Teams activity refused ({IssuerKind} token): {Reason}")]
    public static partial void TeamsAuthRejected(this ILogger logger, string issuerKind, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Teams {IssuerKind} signing keys refreshed: {Count} keys")]
    public static partial void TeamsKeysRefreshed(this ILogger logger, TeamsTokenIssuerKind issuerKind, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Teams token endpoint answered {Status}")]
    public static partial void TeamsTokenFailed(this ILogger logger, int status);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Teams Connector call {Method} answered {Status}")]
    public static partial void TeamsCallFailed(this ILogger logger, string method, int status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Teams card action {Verb}: accepted {Accepted}")]
    public static partial void TeamsActionHandled(this ILogger logger, string verb, bool accepted);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Teams refusal notice could not be sent ({Failure})")]
    public static partial void TeamsRefusalNotSent(this ILogger logger, ConnectorFailure failure);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Teams conversation reference stored ({ConversationType})")]
    public static partial void TeamsConversationRemembered(this ILogger logger, string conversationType);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Teams activity could not be handled")]
    public static partial void TeamsActivityFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Teams signing keys could not be fetched")]
    public static partial void TeamsKeysUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Teams campaign command handled (accepted: {Accepted})")]
    public static partial void TeamsCommandHandled(this ILogger logger, bool accepted);
}
