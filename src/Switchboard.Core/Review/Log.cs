using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Review;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Review action {Action} applied to case {CaseId}")]
    public static partial void ActionApplied(ILogger logger, string action, long caseId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Review action refused ({Reason}) from {Connector}")]
    public static partial void ActionRefused(ILogger logger, string reason, string connector);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Incident case {IncidentCaseId} opened: folded {Folded} of {Earlier} earlier reports into it")]
    public static partial void Folded(ILogger logger, long incidentCaseId, int folded, int earlier);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Case {CaseId} changed meanwhile; not folded into incident case {IncidentCaseId}")]
    public static partial void FoldSkipped(ILogger logger, long caseId, long incidentCaseId);
}
