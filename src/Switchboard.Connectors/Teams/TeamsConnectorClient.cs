using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// The Bot Connector REST calls the review surface needs: send, reply and update (PUT) activities under
/// {serviceUrl}/v3/conversations/{id}/…. Conversation ids are URL-escaped (Teams ids hold ':', ';', '@').
/// 429, 412, 502 and 504 (Teams' documented retry set) and other 5xx become retryable
/// <see cref="ConnectorException"/>s carrying Retry-After, so the outbox backs off and retries.
/// </summary>
internal sealed class TeamsConnectorClient(HttpClient http, TeamsTokenProvider tokens, ILogger<TeamsConnectorClient> logger)
{
    public Task<string> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, Url(serviceUrl, conversationId, null), activity, cancellationToken);

    public Task<string> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, Url(serviceUrl, conversationId, replyToId), activity, cancellationToken);

    public Task<string> UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, Url(serviceUrl, conversationId, activityId), activity, cancellationToken);

    internal static Uri Url(string serviceUrl, string conversationId, string? activityId)
    {
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return new Uri(activityId is null ? path : $"{path}/{Uri.EscapeDataString(activityId)}");
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (response.Headers.Date ?? date),
            _ => null,
        };

    private async Task<string> CallAsync(HttpMethod method, Uri url, JsonObject activity, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(ConnectorFailure.Transient, "The Teams service could not be reached.", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(ConnectorFailure.Transient, "The Teams service timed out.", null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return string.IsNullOrWhiteSpace(body) ? string.Empty : JsonNode.Parse(body)?["id"]?.GetValue<string>() ?? string.Empty;
            }

            logger.TeamsCallFailed(method.Method, status);
            var retryAfter = RetryAfterOf(response);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate();
            }

            throw response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new ConnectorException(ConnectorFailure.RateLimited, "Teams rate limit hit.", retryAfter ?? TimeSpan.FromSeconds(2)),
                HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout
                    => new ConnectorException(ConnectorFailure.Transient, $"Teams answered {status}; retry.", retryAfter),
                // The cached token was dropped above; a retry fetches a fresh one (bad credentials fail at the token endpoint instead).
                HttpStatusCode.Unauthorized => new ConnectorException(ConnectorFailure.Transient, "Teams refused the bot's token; retrying with a fresh one."),
                HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Auth, "Teams refused the bot (403)."),
                HttpStatusCode.NotFound => new ConnectorException(ConnectorFailure.NotFound, "Teams does not know that conversation or activity."),
                _ when status >= 500 => new ConnectorException(ConnectorFailure.Transient, $"Teams answered {status}.", retryAfter),
                _ => new ConnectorException(ConnectorFailure.Invalid, $"Teams rejected the activity ({status})."),
            };
        }
    }
}
