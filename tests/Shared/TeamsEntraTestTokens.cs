using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Tests;

/// <summary>
/// A locally generated RSA key standing in for Entra ID's signing key, and Entra-style tokens (version 1.0 with
/// <c>appid</c>, 2.0 with <c>azp</c>) for the Teams connector tests. Its JWKS carries no endorsements, as Entra's does not.
/// </summary>
internal sealed class TeamsEntraTestTokens : IDisposable
{
    public const string KeyId = "entra-key";

    /// <summary>One of the two Bot Framework tenants the connector always accepts.</summary>
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    /// <summary>The bot's own tenant in tests that configure one (single-tenant bot).</summary>
    public const string OwnTenant = "3e1a7c55-9b0d-4f6e-8a21-6d4c2b9f0e77";

    /// <summary>A tenant nobody configured.</summary>
    public const string ForeignTenant = "0badc0de-1111-4222-8333-944455556666";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";

    public static string V2Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>The JWKS document as Entra publishes it: keys with no endorsements.</summary>
    public string JwksJson() => new JsonObject { ["keys"] = new JsonArray(TeamsTestTokens.Jwk(_rsa, KeyId, endorsements: null)) }.ToJsonString();

    public static string MetadataJson(string jwksUri) => new JsonObject
    {
        ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    /// <summary>
    /// A token as Entra issues it to a calling app: version "1.0" puts <paramref name="caller"/> in <c>appid</c>, any
    /// other version in <c>azp</c>, unless <paramref name="callerClaim"/> names the claim. <paramref name="signingKey"/>
    /// replaces the Entra key (forgeries, the other metadata's key).
    /// </summary>
    public string Mint(
        DateTimeOffset now,
        string issuer,
        string version = "2.0",
        string caller = TeamsTestTokens.AppId,
        string audience = TeamsTestTokens.AppId,
        SecurityKey? signingKey = null,
        bool expired = false,
        string? callerClaim = null)
    {
        var issuedAt = expired ? now.AddHours(-2) : now.AddMinutes(-1);
        var claims = new Dictionary<string, object> { [callerClaim ?? (version == "1.0" ? "appid" : "azp")] = caller };
        if (version.Length > 0)
        {
            claims["ver"] = version;
        }

        // Entra names the issuing tenant in tid as well (the Bot Framework SDKs read it to recognise single-tenant issuers).
        if (Guid.TryParse(new Uri(issuer).AbsolutePath.Trim('/').Split('/')[0], out var tenant))
        {
            claims["tid"] = tenant.ToString();
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (expired ? now.AddMinutes(-10) : now.AddMinutes(59)).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The Entra signing key, for tokens that claim another issuer but are signed by Entra's key.</summary>
    public SecurityKey SigningKey => new RsaSecurityKey(_rsa) { KeyId = KeyId };

    public void Dispose() => _rsa.Dispose();
}
