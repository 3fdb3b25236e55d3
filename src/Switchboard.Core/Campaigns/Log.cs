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
}
