using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Checks the bearer token on an inbound activity the way the Bot Framework SDKs do: RS256/384/512 signature
/// by a key from the channel service's OpenID metadata, issuer, audience (our app id), lifetime with clock
/// skew, the signing key endorsed for the activity's channelId, and the serviceurl claim equal to the
/// activity's serviceUrl (so a token for one service cannot send our replies and tokens elsewhere).
/// </summary>
internal sealed class TeamsRequestAuthenticator(TeamsSigningKeys keys, IOptions<TeamsOptions> options, TimeProvider time)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

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

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return TeamsAuthResult.Fail("no_key_id");
        }

        var key = await keys.FindAsync(unverified.Kid, cancellationToken);
        if (key is null)
        {
            return TeamsAuthResult.Fail("unknown_key");
        }

        var o = options.Value;
        var skew = TimeSpan.FromSeconds(o.ClockSkewSeconds);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = o.ValidIssuers,
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
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return TeamsAuthResult.Fail(result.Exception switch
            {
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad_signature",
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => "lifetime",
                SecurityTokenInvalidAudienceException => "audience",
                SecurityTokenInvalidIssuerException => "issuer",
                SecurityTokenInvalidAlgorithmException => "algorithm",
                _ => "invalid_token",
            });
        }

        if (!key.Endorsements.Contains(channelId))
        {
            return TeamsAuthResult.Fail("key_not_endorsed_for_channel");
        }

        var claim = result.Claims.TryGetValue("serviceurl", out var value) ? value as string : null;
        if (claim is null || !string.Equals(claim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Fail("service_url_mismatch");
        }

        return TeamsAuthResult.Success;
    }
}
