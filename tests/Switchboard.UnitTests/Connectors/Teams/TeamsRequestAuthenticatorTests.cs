using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Tests;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsRequestAuthenticatorTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 14, 2, 0, TimeSpan.Zero);
    private const string ChannelMetadata = "https://login.test/openid";
    private const string EntraMetadata = "https://entra.test/common/v2.0/.well-known/openid-configuration";
    private readonly TeamsTestTokens _tokens = new();
    private readonly TeamsEntraTestTokens _entra = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly StubTeamsHandler _http;
    private readonly HttpClient _client;
    private readonly List<TeamsSigningKeys> _keys = [];
    private readonly TeamsRequestAuthenticator _authenticator;

    public TeamsRequestAuthenticatorTests()
    {
        _http = new StubTeamsHandler((request, _) => request.RequestUri!.AbsoluteUri switch
        {
            ChannelMetadata => StubTeamsHandler.Json(TeamsTestTokens.MetadataJson("https://login.test/keys")),
            "https://login.test/keys" => StubTeamsHandler.Json(_tokens.JwksJson()),
            EntraMetadata => StubTeamsHandler.Json(TeamsEntraTestTokens.MetadataJson("https://entra.test/common/discovery/v2.0/keys")),
            "https://entra.test/common/discovery/v2.0/keys" => StubTeamsHandler.Json(_entra.JwksJson()),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
        });
        _client = new HttpClient(_http);
        _authenticator = CreateAuthenticator(new TeamsOptions());
    }

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_Accepted()
    {
        var result = await AuthenticateAsync(_tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now));

        Assert.True(result.Valid, result.Failure);
    }

    [Theory]
    [InlineData(TeamsTokenKind.Forged, "bad_signature")]
    [InlineData(TeamsTokenKind.Expired, "lifetime")]
    [InlineData(TeamsTokenKind.WrongAudience, "audience")]
    [InlineData(TeamsTokenKind.WrongIssuer, "issuer")]
    [InlineData(TeamsTokenKind.ServiceUrlMismatch, "service_url_mismatch")]
    [InlineData(TeamsTokenKind.Unendorsed, "key_not_endorsed_for_channel")]
    internal async Task AuthenticateAsync_BadToken_RefusedWithReason(TeamsTokenKind kind, string reason)
    {
        var result = await AuthenticateAsync(_tokens.Mint(kind, ServiceUrl, Now));

        Assert.False(result.Valid);
        Assert.Equal(reason, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinClockSkew_Accepted()
    {
        var token = _tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now);
        _time.Advance(TimeSpan.FromMinutes(59 + 4));

        var result = await AuthenticateAsync(token);

        Assert.True(result.Valid, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondClockSkew_Refused()
    {
        var token = _tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now);
        _time.Advance(TimeSpan.FromMinutes(59 + 6));

        var result = await AuthenticateAsync(token);

        Assert.Equal("lifetime", result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelNotEndorsed_Refused()
    {
        var result = await _authenticator.AuthenticateAsync("Bearer " + _tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now), "slack", ServiceUrl, TestContext.Current.CancellationToken);

        Assert.Equal("key_not_endorsed_for_channel", result.Failure);
    }

    [Theory]
    [InlineData(null, "missing_bearer")]
    [InlineData("Basic abc", "missing_bearer")]
    [InlineData("Bearer not-a-jwt", "malformed_token")]
    public async Task AuthenticateAsync_NoUsableBearer_Refused(string? header, string reason)
    {
        var result = await _authenticator.AuthenticateAsync(header, TeamsTestTokens.ChannelId, ServiceUrl, TestContext.Current.CancellationToken);

        Assert.Equal(reason, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCaseAndSlash_Accepted()
    {
        var token = _tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now);

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, TeamsTestTokens.ChannelId, "https://SMBA.trafficmanager.net/emea", TestContext.Current.CancellationToken);

        Assert.True(result.Valid, result.Failure);
    }

    [Theory]
    [InlineData("1.0", TeamsEntraTestTokens.BotFrameworkTenant)]
    [InlineData("2.0", TeamsEntraTestTokens.BotFrameworkTenant)]
    [InlineData("1.0", "f8cdef31-a31e-4b4a-93e4-5f571e91255a")]
    [InlineData("2.0", "f8cdef31-a31e-4b4a-93e4-5f571e91255a")]
    public async Task AuthenticateAsync_EntraTokenWithOurAppId_AcceptedAsEntra(string version, string tenant)
    {
        var result = await AuthenticateAsync(_entra.Mint(Now, EntraIssuer(version, tenant), version));

        Assert.True(result.Valid, result.Failure);
        Assert.Equal(TeamsTokenIssuerKind.Entra, result.Issuer);
    }

    [Theory]
    [InlineData("1.0", "appid_mismatch")]
    [InlineData("2.0", "azp_mismatch")]
    public async Task AuthenticateAsync_EntraTokenFromOtherApp_Refused(string version, string reason)
    {
        var token = _entra.Mint(Now, EntraIssuer(version, TeamsEntraTestTokens.BotFrameworkTenant), version, caller: "99999999-0000-4000-8000-000000000000");

        var result = await AuthenticateAsync(token);

        Assert.False(result.Valid);
        Assert.Equal(reason, result.Failure);
        Assert.Equal(TeamsTokenIssuerKind.Entra, result.Issuer);
    }

    [Theory]
    [InlineData("1.0", "azp", "appid_mismatch")]
    [InlineData("2.0", "appid", "azp_mismatch")]
    public async Task AuthenticateAsync_EntraAppIdInTheOtherVersionsClaim_Refused(string version, string claim, string reason)
    {
        // The version picks the claim: our app id in the claim of the other version does not make the token ours.
        var token = _entra.Mint(Now, EntraIssuer(version, TeamsEntraTestTokens.BotFrameworkTenant), version, callerClaim: claim);

        var result = await AuthenticateAsync(token);

        Assert.Equal(reason, result.Failure);
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("")]
    public async Task AuthenticateAsync_EntraTokenWithUnknownOrNoVersion_Refused(string version)
    {
        var result = await AuthenticateAsync(_entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant), version));

        Assert.Equal("token_version", result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenForOtherAudience_Refused()
    {
        var token = _entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant), audience: "https://api.botframework.com");

        var result = await AuthenticateAsync(token);

        Assert.Equal("audience", result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenExpiredBeyondSkew_Refused()
    {
        var result = await AuthenticateAsync(_entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant), expired: true));

        Assert.Equal("lifetime", result.Failure);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task AuthenticateAsync_EntraIssuerOfForeignTenant_RefusedWithoutFetchingKeys(string version)
    {
        var result = await AuthenticateAsync(_entra.Mint(Now, EntraIssuer(version, TeamsEntraTestTokens.ForeignTenant), version));

        Assert.Equal("issuer", result.Failure);
        Assert.Null(result.Issuer);
        Assert.Empty(_http.Calls);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task AuthenticateAsync_EntraIssuerOfOwnTenant_AcceptedOnlyWhenTenantConfigured(string version)
    {
        var token = _entra.Mint(Now, EntraIssuer(version, TeamsEntraTestTokens.OwnTenant), version);
        var singleTenant = CreateAuthenticator(new TeamsOptions { TenantId = TeamsEntraTestTokens.OwnTenant });

        var withTenant = await singleTenant.AuthenticateAsync("Bearer " + token, TeamsTestTokens.ChannelId, ServiceUrl, TestContext.Current.CancellationToken);
        var withoutTenant = await AuthenticateAsync(token);

        Assert.True(withTenant.Valid, withTenant.Failure);
        Assert.Equal("issuer", withoutTenant.Failure);
    }

    [Theory]
    [InlineData(TeamsTokenIssuerKind.Entra)]
    [InlineData(TeamsTokenIssuerKind.BotConnector)]
    internal async Task AuthenticateAsync_SignedByTheOtherMetadatasKey_Refused(TeamsTokenIssuerKind issuer)
    {
        // An Entra-issued token signed with the channel key, or a channel-issued one signed with Entra's key: each
        // kind looks only in its own key set, so the key is unknown there.
        var token = issuer == TeamsTokenIssuerKind.Entra
            ? _entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant), signingKey: _tokens.ChannelSigningKey)
            : _entra.Mint(Now, TeamsTestTokens.Issuer, signingKey: _entra.SigningKey);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Valid);
        Assert.Equal("unknown_key", result.Failure);
        Assert.Equal(issuer, result.Issuer);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenRouting_FetchesOnlyEntraMetadata()
    {
        await AuthenticateAsync(_entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant)));

        Assert.Equal(
            [EntraMetadata, "https://entra.test/common/discovery/v2.0/keys"],
            _http.Calls.Select(c => c.Request.RequestUri!.AbsoluteUri));
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelTokenRouting_FetchesOnlyChannelMetadata()
    {
        var result = await AuthenticateAsync(_tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now));

        Assert.Equal(TeamsTokenIssuerKind.BotConnector, result.Issuer);
        Assert.Equal([ChannelMetadata, "https://login.test/keys"], _http.Calls.Select(c => c.Request.RequestUri!.AbsoluteUri));
    }

    [Fact]
    public async Task AuthenticateAsync_AcceptEntraTokensFalse_EntraTokenRefusedChannelTokenAccepted()
    {
        var channelOnly = CreateAuthenticator(new TeamsOptions { AcceptEntraTokens = false });
        var ct = TestContext.Current.CancellationToken;

        var entra = await channelOnly.AuthenticateAsync("Bearer " + _entra.Mint(Now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant)), TeamsTestTokens.ChannelId, ServiceUrl, ct);
        var channel = await channelOnly.AuthenticateAsync("Bearer " + _tokens.Mint(TeamsTokenKind.Valid, ServiceUrl, Now), TeamsTestTokens.ChannelId, ServiceUrl, ct);

        Assert.Equal("issuer", entra.Failure);
        Assert.True(channel.Valid, channel.Failure);
        Assert.DoesNotContain(_http.Calls, c => c.Request.RequestUri!.AbsoluteUri == EntraMetadata);
    }

    public void Dispose()
    {
        _keys.ForEach(k => k.Dispose());
        _client.Dispose();
        _http.Dispose();
        _tokens.Dispose();
        _entra.Dispose();
    }

    private static string EntraIssuer(string version, string tenant) =>
        version == "1.0" ? TeamsEntraTestTokens.V1Issuer(tenant) : TeamsEntraTestTokens.V2Issuer(tenant);

    /// <summary>An authenticator over the stub metadata, with <paramref name="settings"/>' tenant and Entra switch and the test app id.</summary>
    private TeamsRequestAuthenticator CreateAuthenticator(TeamsOptions settings)
    {
        settings.Enabled = true;
        settings.AppId = TeamsTestTokens.AppId;
        settings.AppPassword = "secret";
        settings.OpenIdMetadataUrl = ChannelMetadata;
        settings.EntraOpenIdMetadataUrl = EntraMetadata;
        var options = Options.Create(settings);
        var channel = new TeamsSigningKeys(_client, TeamsTokenIssuerKind.BotConnector, ChannelMetadata, options, _time, NullLogger<TeamsSigningKeys>.Instance);
        var entra = new TeamsSigningKeys(_client, TeamsTokenIssuerKind.Entra, EntraMetadata, options, _time, NullLogger<TeamsSigningKeys>.Instance);
        _keys.AddRange([channel, entra]);
        return new TeamsRequestAuthenticator(channel, entra, options, _time);
    }

    private Task<TeamsAuthResult> AuthenticateAsync(string token) =>
        _authenticator.AuthenticateAsync("Bearer " + token, TeamsTestTokens.ChannelId, ServiceUrl, TestContext.Current.CancellationToken);
}
