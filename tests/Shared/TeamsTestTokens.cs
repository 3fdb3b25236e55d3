using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Switchboard.Tests;

/// <summary>
/// Locally generated RSA keys and Bot Framework style tokens for the Teams connector tests: a channel key
/// endorsed for "msteams", a published key with no endorsements, and an unpublished key for forgeries.
/// </summary>
internal sealed class TeamsTestTokens : IDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "7b1d3a52-0b8e-4f7e-9c51-5b0a6d3e1f00";
    public const string ChannelKeyId = "channel-key";
    public const string PlainKeyId = "plain-key";
    public const string ChannelId = "msteams";

    private readonly RSA _channel = RSA.Create(2048);
    private readonly RSA _plain = RSA.Create(2048);
    private readonly RSA _rogue = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The JWKS document as the channel service publishes it (endorsements beside each key).</summary>
    public string JwksJson() => new JsonObject
    {
        ["keys"] = new JsonArray(Jwk(_channel, ChannelKeyId, [ChannelId, "emulator"]), Jwk(_plain, PlainKeyId, [])),
    }.ToJsonString();

    public static string MetadataJson(string jwksUri) => new JsonObject
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    /// <summary>A channel → bot token of the given kind, for an activity from <paramref name="serviceUrl"/>.</summary>
    public string Mint(TeamsTokenKind kind, string serviceUrl, DateTimeOffset now)
    {
        var (rsa, kid) = kind switch
        {
            TeamsTokenKind.Forged => (_rogue, ChannelKeyId),
            TeamsTokenKind.Unendorsed => (_plain, PlainKeyId),
            _ => (_channel, ChannelKeyId),
        };
        var issuedAt = kind == TeamsTokenKind.Expired ? now.AddHours(-2) : now.AddMinutes(-1);
        var expires = kind == TeamsTokenKind.Expired ? now.AddMinutes(-10) : now.AddMinutes(59);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == TeamsTokenKind.WrongIssuer ? "https://attacker.example" : Issuer,
            Audience = kind == TeamsTokenKind.WrongAudience ? "11111111-2222-3333-4444-555555555555" : AppId,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["serviceurl"] = kind == TeamsTokenKind.ServiceUrlMismatch ? "https://smba.attacker.example/" : serviceUrl,
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return _handler.CreateToken(descriptor);
    }

    /// <summary>An AAD-style token the token endpoint hands the bot for calls to the Connector service.</summary>
    public string MintOutbound(string appId, string issuer, DateTimeOffset now) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "https://api.botframework.com",
        IssuedAt = now.AddMinutes(-1).UtcDateTime,
        NotBefore = now.AddMinutes(-1).UtcDateTime,
        Expires = now.AddHours(1).UtcDateTime,
        Claims = new Dictionary<string, object> { ["appid"] = appId, ["ver"] = "1.0" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_plain) { KeyId = PlainKeyId }, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>The channel key endorsed for "msteams", for tokens that claim another issuer but are signed with it.</summary>
    public SecurityKey ChannelSigningKey => new RsaSecurityKey(_channel) { KeyId = ChannelKeyId };

    public void Dispose()
    {
        _channel.Dispose();
        _plain.Dispose();
        _rogue.Dispose();
    }

    /// <summary>A public RSA key as a JWK; <paramref name="endorsements"/> null leaves the property out, as Entra's JWKS does.</summary>
    internal static JsonObject Jwk(RSA rsa, string kid, string[]? endorsements)
    {
        var p = rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]);
        }

        return jwk;
    }
}
