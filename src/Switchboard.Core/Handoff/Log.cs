using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Handoff;

/// <summary>Handoff log events: ids and status codes only, never credentials, URLs with credentials or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened {System} ticket {TicketId} for case {CaseId}")]
    public static partial void TicketCreated(this ILogger logger, string system, string ticketId, long caseId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Updated {System} ticket {TicketId} for case {CaseId}")]
    public static partial void TicketUpdated(this ILogger logger, string system, string ticketId, long caseId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{System} {Operation} failed: {Failure} (HTTP {StatusCode})")]
    public static partial void HandoffFailed(this ILogger logger, string system, string operation, TicketHandoffFailure failure, int? statusCode);
}
