using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Core.Cards.Rendering.Teams;
using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsConnectorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 14, 2, 0, TimeSpan.Zero));
    private readonly InMemoryTeamsConversationStore _store = new();
    private readonly StubTeamsHandler _http = new((_, _) => StubTeamsHandler.Json("""{"id":"1700000000042"}""", HttpStatusCode.Created));
    private readonly HttpClient _client;
    private readonly TeamsTokenProvider _tokens;
    private readonly TeamsConnector _connector;

    public TeamsConnectorTests()
    {
        _client = new HttpClient(_http);
        var options = Options.Create(new TeamsOptions
        {
            Enabled = true,
            DevelopmentModeWithoutAuth = true,
            ChannelAliases = { ["finance-review"] = "19:fin@thread.tacv2" },
        });
        _tokens = new TeamsTokenProvider(_client, options, _time, NullLogger<TeamsTokenProvider>.Instance);
        _connector = new TeamsConnector(new TeamsConnectorClient(_client, _tokens, NullLogger<TeamsConnectorClient>.Instance), new TeamsCardRenderer(), _store, options);
    }

    [Fact]
    public async Task PostCardAsync_AliasOfKnownChannel_PostsToItsServiceUrl()
    {
        _store.Items["19:fin@thread.tacv2"] = new TeamsConversationReference("19:fin@thread.tacv2", "https://smba.example/amer", "t", "28:bot", "msteams", "channel", _time.GetUtcNow());

        var posted = await _connector.PostCardAsync(new ChannelAddress("teams", "finance-review"), Card(), TestContext.Current.CancellationToken);

        Assert.Equal(new PostedMessageRef("teams", "19:fin@thread.tacv2", "1700000000042"), posted);
        Assert.Equal("https://smba.example/amer/v3/conversations/19%3Afin%40thread.tacv2/activities", _http.Calls.Single().Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task UpdateCardAsync_PostedCard_PutsSameActivityId()
    {
        _store.Items["19:fin@thread.tacv2"] = new TeamsConversationReference("19:fin@thread.tacv2", "https://smba.example/amer/", "t", "28:bot", "msteams", "channel", _time.GetUtcNow());

        await _connector.UpdateCardAsync(new PostedMessageRef("teams", "19:fin@thread.tacv2", "1700000000042"), Card(), TestContext.Current.CancellationToken);

        var (request, body) = _http.Calls.Single();
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("1700000000042", (string?)JsonNode.Parse(body)!["id"]);
    }

    [Fact]
    public async Task PostCardAsync_ConversationNeverSeen_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _connector.PostCardAsync(new ChannelAddress("teams", "19:unknown@thread.tacv2"), Card(), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.NotFound, ex.Failure);
        Assert.Empty(_http.Calls);
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _client.Dispose();
        _http.Dispose();
    }

    private static CardPayload Card() => new("review", new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() }, "Review");
}
