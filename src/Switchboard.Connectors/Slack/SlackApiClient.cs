using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Typed client for the Slack Web API. Every call goes through <see cref="SlackRateLimiter"/>; Slack's
/// HTTP-200 <c>{"ok":false}</c> errors, 429s and 5xx become <see cref="ConnectorException"/>s. Only a 429 is
/// retried here (the request was not processed); a 5xx or timeout on a POST may have posted, so the
/// outbox decides. Tokens travel only in the Authorization header and are never logged.
/// </summary>
internal sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, SlackRateLimiter limiter, SlackMetrics metrics, ILogger<SlackApiClient> logger)
{
    private const int MaxAttempts = 3;
    private const int MaxRedirects = 3;

    /// <summary>Calls a Web API method with the bot token and returns the whole <c>ok:true</c> response.</summary>
    public Task<JsonObject> CallAsync(string method, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(method, body, options.Value.BotToken, cancellationToken);

    public async Task<JsonObject> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }

        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return await CallAsync("chat.postMessage", body, cancellationToken);
    }

    public Task<JsonObject> UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken) =>
        CallAsync("chat.update", new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks }, cancellationToken);

    public Task<JsonObject> PostEphemeralAsync(string channel, string user, string text, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return CallAsync("chat.postEphemeral", body, cancellationToken);
    }

    /// <summary>pins.add (scope pins:write); a message already pinned counts as pinned.</summary>
    public async Task PinAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("pins.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts }, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.Message.Contains("already_pinned", StringComparison.Ordinal))
        {
            // Idempotent for the outbox: a retry after a lost answer finds it pinned.
        }
    }

    public Task<JsonObject> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode URL for every (re)connect.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("apps.connections.open", new JsonObject(), options.Value.AppToken, cancellationToken);
        var url = response["url"]?.GetValue<string>();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? uri
            : throw new ConnectorException(ConnectorFailure.Invalid, "Slack apps.connections.open returned no WebSocket URL.");
    }

    /// <summary>
    /// Downloads a private file with the bot token, following redirects by hand (HttpClient drops the
    /// Authorization header on redirects) and sending the token only to Slack's file hosts.
    /// </summary>
    public async Task<DownloadedFile> DownloadFileAsync(Uri url, string? fileName, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxDownloadBytes;
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!IsFileHost(current))
            {
                throw new ConnectorException(ConnectorFailure.Invalid, "Refusing to send the Slack token to a host that is not a Slack file host.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
            using var response = await SendAsync(request, "files.download", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            ThrowOnStatus(response, "files.download");
            var mime = response.Content.Headers.ContentType?.MediaType;
            if (mime is "text/html")
            {
                // Without a valid token Slack serves its sign-in page with 200.
                throw new ConnectorException(ConnectorFailure.Auth, "Slack served a sign-in page instead of the file (token or files:read scope missing).");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var bytes = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, maxBytes, cancellationToken)
                ?? throw new ConnectorException(ConnectorFailure.Invalid, $"Slack file is larger than the {maxBytes}-byte limit.");
            return new DownloadedFile(bytes, mime, fileName);
        }

        throw new ConnectorException(ConnectorFailure.Invalid, "Slack file download redirected too many times.");
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject body, string? token, CancellationToken cancellationToken)
    {
        var channel = body["channel"] is JsonValue value && value.TryGetValue<string>(out var c) ? c : null;
        var payload = body.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitAsync(method, channel, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.ApiBaseUrl), method));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await SendAsync(request, method, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(response);
                limiter.OnRateLimited(method, channel, retryAfter);
                var retryInline = attempt < MaxAttempts && retryAfter <= TimeSpan.FromSeconds(options.Value.MaxInlineRetryAfterSeconds);
                logger.SlackRateLimited(method, retryAfter.TotalSeconds, attempt, retryInline);
                metrics.ApiCall(method, "rate_limited");
                if (retryInline)
                {
                    continue;
                }

                throw new ConnectorException(ConnectorFailure.RateLimited, $"Slack {method} is rate-limited.", retryAfter);
            }

            if (!response.IsSuccessStatusCode)
            {
                metrics.ApiCall(method, "http_" + (int)response.StatusCode);
            }

            ThrowOnStatus(response, method);
            JsonObject? result;
            try
            {
                result = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw new ConnectorException(ConnectorFailure.Transient, $"Slack {method} returned a body that is not JSON.", null, ex);
            }

            if (result?["ok"]?.GetValueKind() != JsonValueKind.True)
            {
                var error = result?["error"]?.GetValue<string>();
                logger.SlackCallFailed(method, error ?? "unknown_error");
                metrics.ApiCall(method, "error");
                throw SlackErrors.ToException(method, error);
            }

            metrics.ApiCall(method, "ok");
            return result;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string method, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(ConnectorFailure.Transient, $"Slack {method} could not be reached.", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(ConnectorFailure.Transient, $"Slack {method} timed out.", null, ex);
        }
    }

    private static void ThrowOnStatus(HttpResponseMessage response, string method)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        var failure = status switch
        {
            401 or 403 => ConnectorFailure.Auth,
            404 or 410 => ConnectorFailure.NotFound,
            429 => ConnectorFailure.RateLimited,
            408 or >= 500 => ConnectorFailure.Transient,
            _ => ConnectorFailure.Invalid,
        };
        throw new ConnectorException(failure, $"Slack {method} answered HTTP {status}.", failure == ConnectorFailure.RateLimited ? RetryAfter(response) : null);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        // Slack sends Retry-After in seconds; without one, wait a conservative second.
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && response.Headers.Date is { } now && date > now ? date - now : TimeSpan.FromSeconds(1);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private bool IsFileHost(Uri uri)
    {
        var api = new Uri(options.Value.ApiBaseUrl);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && api.Scheme == Uri.UriSchemeHttp))
        {
            return false;
        }

        return string.Equals(uri.Authority, api.Authority, StringComparison.OrdinalIgnoreCase)
            || options.Value.FileHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }
}
