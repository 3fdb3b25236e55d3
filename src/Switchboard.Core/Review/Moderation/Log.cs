using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Review.Moderation;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Moderation {Action} on case {CaseId} through {Connector}: done={Done}")]
    public static partial void Moderated(ILogger logger, string action, long caseId, string connector, bool done);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Moderation {Action} on case {CaseId} refused ({Reason})")]
    public static partial void Refused(ILogger logger, string action, long caseId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Moderation {Action} on case {CaseId} failed at the platform")]
    public static partial void Failed(ILogger logger, string action, long caseId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Moderation {Action} on case {CaseId}: the message is a member's report, acting on the message it replies to (case {ReportedCaseId})")]
    public static partial void ActingOnReported(ILogger logger, string action, long caseId, long? reportedCaseId);
}
