using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Drafting;

/// <summary>Drafting log events. Never the draft or the customer's text: they can hold personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "LLM rewrite of a {Intent} draft failed; the template draft is kept")]
    public static partial void RewriteFailed(this ILogger logger, string intent, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "LLM rewrite of a {Intent} draft rejected by the guardrails: {Reason}")]
    public static partial void RewriteRejected(this ILogger logger, string intent, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "LLM rewrite of a {Intent} draft cancelled")]
    public static partial void RewriteCancelled(this ILogger logger, string intent);
}
