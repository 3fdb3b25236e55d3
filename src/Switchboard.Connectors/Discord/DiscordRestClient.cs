using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Discord REST v10 over a typed HttpClient. Every call goes through <see cref="SendAsync"/>, which waits on
/// <see cref="DiscordRateLimiter"/>, learns buckets from the response headers, honours 429s (waiting inline
/// when short, else failing with <see cref="ConnectorFailure.RateLimited"/> and RetryAfter for the outbox),
/// and maps failures to <see cref="ConnectorException"/>. The token is sent per request and never logged;
/// logs carry only the route template (no ids, no webhook tokens).
/// </summary>
internal sealed class DiscordRestClient(HttpClient http, DiscordRateLimiter limiter, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
{
    /// <summary>429s shorter than this are waited out inline; longer ones go back to the caller.</summary>
    internal static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(10);

    private const int MaxAttempts = 4;

    public async Task<JsonObject> CreateMessageAsync(string channelId, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"channels/{channelId}/messages", body, cancellationToken))?.AsObject()
        ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord returned no message.");

    public async Task EditMessageAsync(string channelId, string messageId, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", body, cancellationToken);

    public async Task DeleteMessageAsync(string channelId, string messageId, string? reason, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"channels/{channelId}/messages/{messageId}", null, cancellationToken, reason);

    public async Task PinMessageAsync(string channelId, string messageId, string? reason, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Put, $"channels/{channelId}/messages/pins/{messageId}", null, cancellationToken, reason);

    public async Task<JsonObject?> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, $"channels/{channelId}", null, cancellationToken))?.AsObject();

    public async Task<JsonObject> CreateDmAsync(string userId, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, "users/@me/channels", new JsonObject { ["recipient_id"] = userId }, cancellationToken))?.AsObject()
        ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord returned no DM channel.");

    public async Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task ModifyMemberAsync(string guildId, string userId, JsonObject body, string? reason, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, $"guilds/{guildId}/members/{userId}", body, cancellationToken, reason);

    /// <summary>PUT /guilds/{guild.id}/bans/{user.id}: 204 on success; the body may carry delete_message_seconds.</summary>
    public async Task BanMemberAsync(string guildId, string userId, JsonObject body, string? reason, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Put, $"guilds/{guildId}/bans/{userId}", body, cancellationToken, reason);

    public async Task InteractionCallbackAsync(string interactionId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"interactions/{interactionId}/{interactionToken}/callback", body, cancellationToken);

    public async Task FollowUpAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"webhooks/{applicationId}/{interactionToken}", body, cancellationToken);

    public async Task EditOriginalAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, $"webhooks/{applicationId}/{interactionToken}/messages/@original", body, cancellationToken);

    /// <summary>Downloads a CDN attachment without the bot token, refusing anything over <paramref name="maxBytes"/>.</summary>
    public async Task<DownloadedFile> DownloadAsync(Uri url, long maxBytes, string? fileName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            throw new ConnectorException(ConnectorFailure.NotFound, "The Discord attachment is gone or its signed URL expired.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(ConnectorFailure.Transient, $"Discord CDN answered {(int)response.StatusCode}.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var bytes = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, maxBytes, cancellationToken)
            ?? throw new ConnectorException(ConnectorFailure.Invalid, $"The attachment is larger than the limit of {maxBytes} bytes.");
        return new DownloadedFile(bytes, response.Content.Headers.ContentType?.MediaType, fileName);
    }

    /// <summary>Bulk-overwrites the application's commands, globally or in one guild (guild commands update at once).</summary>
    public async Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Put, guildId is null ? $"applications/{applicationId}/commands" : $"applications/{applicationId}/guilds/{guildId}/commands", commands, cancellationToken);

    internal async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, string? auditReason = null)
    {
        var route = DiscordRoute.For(method, path);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            while ((wait = limiter.Reserve(route)) > TimeSpan.Zero)
            {
                Log.RateLimitWait(logger, route.Template, wait.TotalMilliseconds);
                await Task.Delay(wait, time, cancellationToken);
            }

            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
            if (auditReason is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(auditReason));
            }

            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            limiter.Update(route, Header(response, "X-RateLimit-Bucket"), IntHeader(response, "X-RateLimit-Limit"), IntHeader(response, "X-RateLimit-Remaining"), DoubleHeader(response, "X-RateLimit-Reset-After"));
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? null : JsonNode.Parse(text);
            }

            var error = Parse(text);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = TimeSpan.FromSeconds(
                    (double?)error?["retry_after"] ?? DoubleHeader(response, "Retry-After") ?? 1);
                var global = (bool?)error?["global"] == true || Header(response, "X-RateLimit-Global") == "true";
                limiter.OnTooManyRequests(route, retryAfter, global);
                Log.RateLimited(logger, route.Template, retryAfter.TotalMilliseconds, global, Header(response, "X-RateLimit-Scope"));
                if (attempt < MaxAttempts && retryAfter <= MaxInlineWait)
                {
                    continue;
                }

                throw new ConnectorException(ConnectorFailure.RateLimited, $"Discord rate limit on {route.Template}.", retryAfter);
            }

            throw Failure(response.StatusCode, route, error);
        }
    }

    private static ConnectorException Failure(HttpStatusCode status, DiscordRoute route, JsonNode? error)
    {
        var code = (int?)error?["code"];
        var message = (string?)error?["message"] ?? status.ToString();
        var what = $"Discord {(int)status} on {route.Template}: {message}{(code is null ? string.Empty : $" (code {code})")}.";
        return status switch
        {
            HttpStatusCode.Unauthorized => new ConnectorException(ConnectorFailure.Auth, what + " The bot token is invalid."),
            HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Auth, what + " The bot lacks a permission here."),
            HttpStatusCode.NotFound => new ConnectorException(ConnectorFailure.NotFound, what),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout => new ConnectorException(ConnectorFailure.Transient, what),
            _ => new ConnectorException(ConnectorFailure.Invalid, what),
        };
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? IntHeader(HttpResponseMessage response, string name) =>
        int.TryParse(Header(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? DoubleHeader(HttpResponseMessage response, string name) =>
        double.TryParse(Header(response, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
