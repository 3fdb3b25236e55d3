using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// The signing keys of one token issuer kind, read from the jwks_uri of the OpenID metadata at <c>metadataUrl</c>,
/// cached (one instance per kind: Bot Connector and Entra keys never mix). An unknown key id
/// triggers a refresh (the services rotate keys), but at most once per <see cref="TeamsOptions.KeyRefreshMinIntervalSeconds"/>,
/// so a flood of tokens with made-up key ids cannot turn into a flood of metadata fetches.
/// </summary>
internal sealed class TeamsSigningKeys(
    HttpClient http,
    TeamsTokenIssuerKind kind,
    string metadataUrl,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsSigningKeys> logger) : IDisposable
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private IReadOnlyDictionary<string, TeamsSigningKey> _keys = new Dictionary<string, TeamsSigningKey>();
    private DateTimeOffset? _fetchedAt;
    private DateTimeOffset? _lastAttemptAt;
    private DateTimeOffset? _lastFailureAt;

    /// <summary>The key with <paramref name="keyId"/>, or null when the service does not publish it.</summary>
    public async Task<TeamsSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!IsStale() && _keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (!IsStale() && _keys.TryGetValue(keyId, out cached))
            {
                return cached;
            }

            var now = time.GetUtcNow();
            var minInterval = TimeSpan.FromSeconds(options.Value.KeyRefreshMinIntervalSeconds);
            if (_lastAttemptAt is { } last && now - last < minInterval && !IsStale())
            {
                return null;
            }

            // While the metadata is down, fail fast for a few seconds instead of fetching once per inbound request.
            if (_lastFailureAt is { } failed && now - failed < FailureBackoff)
            {
                throw new InvalidOperationException("The signing keys could not be fetched recently; not retrying yet.");
            }

            _lastAttemptAt = now;
            try
            {
                _keys = await FetchAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _lastFailureAt = now;
                throw;
            }

            _lastFailureAt = null;
            _fetchedAt = now;
            logger.TeamsKeysRefreshed(kind, _keys.Count);
            return _keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private bool IsStale() =>
        _fetchedAt is not { } fetched || time.GetUtcNow() - fetched > TimeSpan.FromHours(options.Value.KeyCacheHours);

    private async Task<IReadOnlyDictionary<string, TeamsSigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri(metadataUrl), cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
        if (!TeamsOptionsValidator.IsAllowedUrl(jwksUri))
        {
            throw new InvalidOperationException("The OpenID metadata has no usable jwks_uri (https, or http to loopback).");
        }

        using var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(jwksUri!), cancellationToken));
        var keys = new Dictionary<string, TeamsSigningKey>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var element in array.EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA)
            {
                continue;
            }

            var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                    {
                        endorsements.Add(channel);
                    }
                }
            }

            keys[key.Kid] = new TeamsSigningKey(key, endorsements);
        }

        return keys;
    }

    public void Dispose() => _refreshLock.Dispose();
}
