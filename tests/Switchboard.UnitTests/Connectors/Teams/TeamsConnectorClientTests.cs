using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Connectors;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsConnectorClientTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Conversation = "19:abc@thread.tacv2;messageid=17";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly List<HttpResponseMessage> _answers = [];
    private readonly StubTeamsHandler _http;
    private readonly HttpClient _client;
    private readonly TeamsTokenProvider _tokens;
    private readonly TeamsConnectorClient _connector;
    private int _tokenCalls;

    public TeamsConnectorClientTests()
    {
        _http = new StubTeamsHandler((request, _) =>
        {
            if (request.RequestUri!.Host == "login.test")
            {
                _tokenCalls++;
                return StubTeamsHandler.Json("""{"token_type":"Bearer","expires_in":3599,"access_token":"tok-""" + _tokenCalls + "\"}");
            }

            var next = _answers[0];
            _answers.RemoveAt(0);
            return next;
        });
        _client = new HttpClient(_http);
        var options = Options.Create(new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "pw", TokenEndpoint = "https://login.test/token" });
        _tokens = new TeamsTokenProvider(_client, options, _time, NullLogger<TeamsTokenProvider>.Instance);
        _connector = new TeamsConnectorClient(_client, _tokens, NullLogger<TeamsConnectorClient>.Instance);
    }

    [Fact]
    public async Task SendAsync_Created_ReturnsIdAndEscapesConversationId()
    {
        _answers.Add(StubTeamsHandler.Json("""{"id":"1700000000001"}""", HttpStatusCode.Created));

        var id = await _connector.SendAsync(ServiceUrl, Conversation, new() { ["type"] = "message" }, TestContext.Current.CancellationToken);

        Assert.Equal("1700000000001", id);
        var call = _http.Calls[^1].Request;
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities", call.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer tok-1", call.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task UpdateAsync_UsesPutOnActivity()
    {
        _answers.Add(StubTeamsHandler.Json("""{"id":"act-1"}"""));

        await _connector.UpdateAsync(ServiceUrl, "a:1", "act-1", new() { ["type"] = "message" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Put, _http.Calls[^1].Request.Method);
        Assert.EndsWith("/v3/conversations/a%3A1/activities/act-1", _http.Calls[^1].Request.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TwoCalls_TokenFetchedOnce()
    {
        _answers.Add(StubTeamsHandler.Json("""{"id":"1"}"""));
        _answers.Add(StubTeamsHandler.Json("""{"id":"2"}"""));

        await _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken);
        await _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken);

        Assert.Equal(1, _tokenCalls);
        Assert.Contains("grant_type=client_credentials", _http.Calls[0].Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", _http.Calls[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_Refetched()
    {
        _answers.Add(StubTeamsHandler.Json("""{"id":"1"}"""));
        _answers.Add(StubTeamsHandler.Json("""{"id":"2"}"""));

        await _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(56));
        await _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken);

        Assert.Equal(2, _tokenCalls);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RateLimitedCarryingDelay()
    {
        var response = StubTeamsHandler.Json("{}", HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        _answers.Add(response);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.RateLimited, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.True(ex.IsRetryable);
    }

    [Fact]
    public async Task SendAsync_401_DropsCachedTokenSoTheRetryGetsAFreshOne()
    {
        _answers.Add(StubTeamsHandler.Json("{}", HttpStatusCode.Unauthorized));
        _answers.Add(StubTeamsHandler.Json("""{"id":"2"}"""));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken));
        await _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken);

        Assert.True(ex.IsRetryable);
        Assert.Equal(2, _tokenCalls);
        Assert.Equal("Bearer tok-2", _http.Calls[^1].Request.Headers.Authorization!.ToString());
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.BadGateway, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.GatewayTimeout, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.InternalServerError, ConnectorFailure.Transient)]
    [InlineData(HttpStatusCode.NotFound, ConnectorFailure.NotFound)]
    [InlineData(HttpStatusCode.Forbidden, ConnectorFailure.Auth)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ConnectorFailure.Invalid)]
    public async Task SendAsync_FailureStatus_TranslatedForTheOutbox(HttpStatusCode status, ConnectorFailure failure)
    {
        _answers.Add(StubTeamsHandler.Json("{}", status));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _connector.SendAsync(ServiceUrl, "a:1", new(), TestContext.Current.CancellationToken));

        Assert.Equal(failure, ex.Failure);
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _client.Dispose();
        _http.Dispose();
    }
}
