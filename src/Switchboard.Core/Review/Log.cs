using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Review;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Review action {Action} applied to case {CaseId}")]
    public static partial void ActionApplied(ILogger logger, string action, long caseId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Review action refused ({Reason}) from {Connector}")]
    public static partial void ActionRefused(ILogger logger, string reason, string connector);
}
