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
    private readonly TeamsTestTokens _tokens = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly StubTeamsHandler _http;
    private readonly HttpClient _client;
    private readonly TeamsSigningKeys _keys;
    private readonly TeamsRequestAuthenticator _authenticator;

    public TeamsRequestAuthenticatorTests()
    {
        _http = new StubTeamsHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/openid" => StubTeamsHandler.Json(TeamsTestTokens.MetadataJson("https://login.test/keys")),
            "/keys" => StubTeamsHandler.Json(_tokens.JwksJson()),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
        });
        _client = new HttpClient(_http);
        var options = Options.Create(new TeamsOptions { Enabled = true, AppId = TeamsTestTokens.AppId, AppPassword = "secret", OpenIdMetadataUrl = "https://login.test/openid" });
        _keys = new TeamsSigningKeys(_client, options, _time, NullLogger<TeamsSigningKeys>.Instance);
        _authenticator = new TeamsRequestAuthenticator(_keys, options, _time);
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

    public void Dispose()
    {
        _keys.Dispose();
        _client.Dispose();
        _http.Dispose();
        _tokens.Dispose();
    }

    private Task<TeamsAuthResult> AuthenticateAsync(string token) =>
        _authenticator.AuthenticateAsync("Bearer " + token, TeamsTestTokens.ChannelId, ServiceUrl, TestContext.Current.CancellationToken);
}
