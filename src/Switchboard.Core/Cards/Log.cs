using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Cards;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The {Kind} card was {Bytes} bytes, over the {Limit}-byte limit: long texts were shortened")]
    public static partial void CardShortened(ILogger logger, string kind, int bytes, int limit);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The {Kind} card is {Bytes} bytes even with long texts shortened; the limit is {Limit}")]
    public static partial void CardTooLarge(ILogger logger, string kind, int bytes, int limit);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "No template for card kind {Kind}: composed by the built-in composer")]
    public static partial void NoTemplate(ILogger logger, string kind);
}
