using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Sending;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Outbox item {OutboxId} ({Kind} via {Connector}) failed on attempt {Attempts}; retrying in {Seconds:0.0} s")]
    public static partial void DeliveryRetry(ILogger logger, long outboxId, string kind, string connector, int attempts, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Outbox item {OutboxId} ({Kind} via {Connector}) given up after {Attempts} attempts ({Error})")]
    public static partial void DeliveryAbandoned(ILogger logger, long outboxId, string kind, string connector, int attempts, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Outbox sender is disabled by configuration (Switchboard:Outbox:Enabled=false)")]
    public static partial void SenderDisabled(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Outbox sender loop failed; retrying")]
    public static partial void SenderLoopFailed(ILogger logger, Exception exception);
}
