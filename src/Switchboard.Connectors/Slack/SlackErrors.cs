using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>Maps Slack's <c>{"ok":false,"error":"…"}</c> codes to the connector failure kinds the outbox acts on.</summary>
internal static class SlackErrors
{
    public static ConnectorFailure Classify(string? error) => error switch
    {
        "ratelimited" or "rate_limited" => ConnectorFailure.RateLimited,
        "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired" or "no_permission"
            or "missing_scope" or "not_allowed_token_type" or "ekm_access_denied" or "team_access_not_granted"
            or "access_denied" => ConnectorFailure.Auth,
        "channel_not_found" or "message_not_found" or "user_not_found" or "not_in_channel" or "thread_not_found"
            or "view_not_found" or "file_not_found" => ConnectorFailure.NotFound,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" or "team_added_to_org"
            => ConnectorFailure.Transient,
        _ => ConnectorFailure.Invalid,
    };

    public static ConnectorException ToException(string method, string? error) =>
        new(Classify(error), $"Slack {method} failed: {error ?? "unknown_error"}.");
}
