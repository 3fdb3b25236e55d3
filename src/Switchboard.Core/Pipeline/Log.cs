using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Message {MessageId} stopped in the pipeline: {Reason}")]
    public static partial void PipelineStopped(ILogger logger, long messageId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Message {MessageId} failed in the pipeline; it stays queued and is retried")]
    public static partial void PipelineFailed(ILogger logger, long messageId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Pipeline worker started; {Backlog} stored messages waiting")]
    public static partial void WorkerStarted(ILogger logger, int backlog);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Pipeline worker is disabled (Switchboard:Pipeline:WorkerEnabled=false): messages are stored but not processed")]
    public static partial void WorkerDisabled(ILogger logger);
}
