using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Checks the bearer token on an inbound activity the way the Bot Framework SDKs do. The token's unvalidated
/// <c>iss</c> only picks the path; each path then validates everything against its own keys:
/// <list type="bullet">
/// <item>Bot Connector (<see cref="TeamsOptions.ValidIssuers"/>): RS256/384/512 signature by a key from the channel
/// service's OpenID metadata, issuer, audience (our app id), lifetime with clock skew, the signing key endorsed for
/// the activity's channelId, and the serviceurl claim equal to the activity's serviceUrl (so a token for one service
/// cannot send our replies and tokens elsewhere).</item>
/// <item>Entra (<see cref="EntraIssuers"/>, when <see cref="TeamsOptions.AcceptEntraTokens"/>): signature by a key from
/// Entra's OpenID metadata (those carry no endorsements), issuer, audience, lifetime, and our app id in <c>appid</c>
/// (token version 1.0) or <c>azp</c> (2.0). Entra tokens carry no serviceurl claim.</item>
/// </list>
/// Any other issuer is refused before a key is fetched.
/// </summary>
internal sealed class TeamsRequestAuthenticator(
    [FromKeyedServices(TeamsTokenIssuerKind.BotConnector)] TeamsSigningKeys channelKeys,
    [FromKeyedServices(TeamsTokenIssuerKind.Entra)] TeamsSigningKeys entraKeys,
    IOptions<TeamsOptions> options,
    TimeProvider time)
{
    /// <summary>The Bot Framework's own Entra tenants (the Emulator and multi-tenant bots get tokens from these).</summary>
    internal static readonly string[] BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly string[] _entraIssuers = [.. EntraIssuers(options.Value.TenantId)];

    /// <summary>The v1.0 and v2.0 issuers of the Bot Framework tenants and, when set, of <paramref name="tenantId"/>.</summary>
    internal static IEnumerable<string> EntraIssuers(string? tenantId)
    {
        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(tenantId) ? BotFrameworkTenants : [.. BotFrameworkTenants, tenantId.Trim()];
        return tenants.Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(tid => new[] { $"https://sts.windows.net/{tid}/", $"https://login.microsoftonline.com/{tid}/v2.0" });
    }

    public async Task<TeamsAuthResult> AuthenticateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Fail("missing_bearer");
        }

        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(serviceUrl))
        {
            return TeamsAuthResult.Fail("activity_without_channel_or_service_url");
        }

        var raw = authorization[scheme.Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return TeamsAuthResult.Fail("malformed_token");
        }

        var o = options.Value;
        TeamsTokenIssuerKind kind;
        if (o.ValidIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            kind = TeamsTokenIssuerKind.BotConnector;
        }
        else if (o.AcceptEntraTokens && _entraIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            kind = TeamsTokenIssuerKind.Entra;
        }
        else
        {
            return TeamsAuthResult.Fail("issuer");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return TeamsAuthResult.Fail("no_key_id", kind);
        }

        // Each kind looks only in its own key set: a key Entra publishes can never vouch for a channel token, nor the reverse.
        var key = await (kind == TeamsTokenIssuerKind.BotConnector ? channelKeys : entraKeys).FindAsync(unverified.Kid, cancellationToken);
        if (key is null)
        {
            return TeamsAuthResult.Fail("unknown_key", kind);
        }

        var result = await _handler.ValidateTokenAsync(raw, Parameters(o, kind == TeamsTokenIssuerKind.BotConnector ? o.ValidIssuers : _entraIssuers, key));
        if (!result.IsValid)
        {
            return TeamsAuthResult.Fail(FailureOf(result.Exception), kind);
        }

        return kind == TeamsTokenIssuerKind.BotConnector
            ? CheckChannelClaims(key, result.Claims, channelId, serviceUrl)
            : CheckEntraClaims(result.Claims, o.AppId);
    }

    private static TeamsAuthResult CheckChannelClaims(TeamsSigningKey key, IDictionary<string, object> claims, string channelId, string serviceUrl)
    {
        const TeamsTokenIssuerKind kind = TeamsTokenIssuerKind.BotConnector;
        if (!key.Endorsements.Contains(channelId))
        {
            return TeamsAuthResult.Fail("key_not_endorsed_for_channel", kind);
        }

        var claim = claims.TryGetValue("serviceurl", out var value) ? value as string : null;
        if (claim is null || !string.Equals(claim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Fail("service_url_mismatch", kind);
        }

        return TeamsAuthResult.Succeeded(kind);
    }

    /// <summary>Entra puts the calling app in <c>appid</c> on version 1.0 tokens and in <c>azp</c> on 2.0; any other version is refused.</summary>
    private static TeamsAuthResult CheckEntraClaims(IDictionary<string, object> claims, string? appId)
    {
        const TeamsTokenIssuerKind kind = TeamsTokenIssuerKind.Entra;
        var version = claims.TryGetValue("ver", out var v) ? v as string : null;
        var (claimName, failure) = version switch
        {
            "1.0" => ("appid", "appid_mismatch"),
            "2.0" => ("azp", "azp_mismatch"),
            _ => (null, "token_version"),
        };
        if (claimName is null)
        {
            return TeamsAuthResult.Fail(failure, kind);
        }

        var caller = claims.TryGetValue(claimName, out var c) ? c as string : null;
        return !string.IsNullOrEmpty(appId) && string.Equals(caller, appId, StringComparison.Ordinal)
            ? TeamsAuthResult.Succeeded(kind)
            : TeamsAuthResult.Fail(failure, kind);
    }

    private TokenValidationParameters Parameters(TeamsOptions o, IEnumerable<string> issuers, TeamsSigningKey key)
    {
        var skew = TimeSpan.FromSeconds(o.ClockSkewSeconds);
        return new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = o.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = skew,
            // The library's own lifetime check reads the wall clock; this one reads the injected TimeProvider.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
            },
        };
    }

    private static string FailureOf(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad_signature",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => "lifetime",
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm",
        _ => "invalid_token",
    };
}
