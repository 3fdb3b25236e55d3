using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Analytics;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Weekly {Kind} post queued for {Period}")]
    public static partial void WeeklyPostQueued(ILogger logger, string kind, string period);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Weekly posts failed; retrying at the next check")]
    public static partial void WeeklyPostFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "No Switchboard:Analytics:SnapshotChannel configured: weekly KPI and retro posts are off")]
    public static partial void WeeklyPostsDisabled(ILogger logger);
}
