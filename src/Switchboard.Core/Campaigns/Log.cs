using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Campaigns;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Launch run {RunId} started for campaign {Campaign}")]
    public static partial void RunStarted(ILogger logger, long runId, string campaign);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Launch run {RunId}: task {TaskId} marked {State}")]
    public static partial void TaskMarked(ILogger logger, long runId, string taskId, string state);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Launch run {RunId}: reminder {Key} queued")]
    public static partial void ReminderQueued(ILogger logger, long runId, string key);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Launch reminder pass failed; retrying next interval")]
    public static partial void ReminderPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Launch run {RunId} names campaign {Campaign}, which is no longer in the campaigns folder")]
    public static partial void CampaignMissing(ILogger logger, long runId, string campaign);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Clarification {ClarificationId} approved: sent through {Connector}, pinned {Pinned}")]
    public static partial void ClarificationApproved(ILogger logger, long clarificationId, string connector, bool pinned);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Campaign command {Command} from {Connector} refused: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string command, string connector, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Campaign command {Command} from {Connector} handled: ok {Ok}")]
    public static partial void CommandHandled(ILogger logger, string command, string connector, bool ok);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Disclosure flag for campaign {Campaign} queued to its owner channel")]
    public static partial void DisclosureFlagged(ILogger logger, string campaign);
}
