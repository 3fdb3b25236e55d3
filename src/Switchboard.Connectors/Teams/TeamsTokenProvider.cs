using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Outbound access tokens for the Connector service: OAuth 2.0 client credentials with the app id and
/// secret, cached until five minutes before expiry. In development mode without an app id there is no token.
/// </summary>
internal sealed class TeamsTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsTokenProvider> logger) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    public string TokenEndpoint => options.Value.TokenEndpoint
        ?? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(options.Value.TenantId) ? "botframework.com" : options.Value.TenantId)}/oauth2/v2.0/token";

    /// <summary>The bearer token, or null when the connector runs in development mode without an app id.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DevelopmentModeWithoutAuth)
        {
            return null;
        }

        if (_cached is { } c && time.GetUtcNow() < c.ExpiresAt - RefreshMargin)
        {
            return c.Token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.ExpiresAt - RefreshMargin)
            {
                return again.Token;
            }

            var fresh = await RequestAsync(cancellationToken);
            _cached = fresh;
            return fresh.Token;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Drops the cached token (after a 401 from the Connector service).</summary>
    public void Invalidate() => _cached = null;

    private async Task<(string Token, DateTimeOffset ExpiresAt)> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId ?? string.Empty,
            ["client_secret"] = o.AppPassword ?? string.Empty,
            ["scope"] = o.TokenScope,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(TokenEndpoint), form, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(ConnectorFailure.Transient, "The Teams token endpoint could not be reached.", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(ConnectorFailure.Transient, "The Teams token endpoint timed out.", null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                logger.TeamsTokenFailed((int)response.StatusCode);
                var failure = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? ConnectorFailure.Auth
                    : (int)response.StatusCode == 429 ? ConnectorFailure.RateLimited : ConnectorFailure.Transient;
                throw new ConnectorException(failure, $"The Teams token endpoint answered {(int)response.StatusCode}.", TeamsConnectorClient.RetryAfterOf(response));
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var token = json.RootElement.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expiresIn = json.RootElement.TryGetProperty("expires_in", out var e)
                ? e.ValueKind == JsonValueKind.Number ? e.GetInt32() : int.TryParse(e.GetString(), out var s) ? s : 3600
                : 3600;
            if (string.IsNullOrEmpty(token))
            {
                throw new ConnectorException(ConnectorFailure.Auth, "The Teams token endpoint returned no access_token.");
            }

            return (token, time.GetUtcNow().AddSeconds(expiresIn));
        }
    }

    public void Dispose() => _lock.Dispose();
}
