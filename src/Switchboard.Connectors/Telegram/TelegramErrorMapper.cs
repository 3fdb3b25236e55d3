using System.Net;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>Translates Bot API failures into the connector failure set the outbox understands.</summary>
internal static class TelegramErrorMapper
{
    /// <summary>Editing to identical content; the edit already holds, so it counts as success.</summary>
    public static bool IsNotModified(int code, string? description) =>
        code == 400 && description?.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) == true;

    /// <param name="method">The Bot API method (never the URL: that holds the token).</param>
    /// <param name="code">error_code, or the HTTP status when the body was not a Bot API envelope.</param>
    /// <param name="description">Telegram's description; it names the problem, not the caller's data.</param>
    /// <param name="retryAfterSeconds">parameters.retry_after of a 429.</param>
    public static ConnectorException Map(string method, int code, string? description, int? retryAfterSeconds)
    {
        var text = $"Telegram {method} failed with {code}: {description ?? "no description"}";
        return code switch
        {
            429 => new ConnectorException(ConnectorFailure.RateLimited, text, TimeSpan.FromSeconds(Math.Max(1, retryAfterSeconds ?? 1))),
            401 or 403 => new ConnectorException(ConnectorFailure.Auth, text),
            404 => new ConnectorException(ConnectorFailure.NotFound, text),
            // 409: a webhook is set while polling, or a second poller took over; both clear up after a while.
            409 => new ConnectorException(ConnectorFailure.Transient, text),
            >= 500 => new ConnectorException(ConnectorFailure.Transient, text),
            _ => new ConnectorException(ConnectorFailure.Invalid, text),
        };
    }

    public static ConnectorException Map(string method, HttpStatusCode status, string? description) =>
        Map(method, (int)status, description, null);
}
