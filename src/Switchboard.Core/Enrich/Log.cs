using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Enrich;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Voice note from {Connector} could not be transcribed ({Error}); the case opens flagged for listening")]
    public static partial void TranscriptionFailed(ILogger logger, string connector, string error);
}
