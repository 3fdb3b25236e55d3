using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Connectors;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Receiver of {Connector} failed; restarting in {Seconds} s")]
    public static partial void ReceiverFailed(ILogger logger, string connector, double seconds, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "Receiver of {Connector} stopped for good ({Failure}): {Reason}")]
    public static partial void ReceiverStopped(ILogger logger, string connector, ConnectorFailure failure, string reason);
}
