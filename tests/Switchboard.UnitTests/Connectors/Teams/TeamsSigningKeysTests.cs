using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.Tests;
using Switchboard.UnitTests.Routing.Sla;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsSigningKeysTests : IDisposable
{
    private readonly TeamsTestTokens _tokens = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly StubTeamsHandler _http;
    private readonly HttpClient _client;
    private readonly TeamsSigningKeys _keys;

    public TeamsSigningKeysTests()
    {
        _http = new StubTeamsHandler((request, _) => request.RequestUri!.AbsolutePath == "/openid"
            ? StubTeamsHandler.Json(TeamsTestTokens.MetadataJson("https://login.test/keys"))
            : StubTeamsHandler.Json(_tokens.JwksJson()));
        _client = new HttpClient(_http);
        var options = Options.Create(new TeamsOptions { KeyRefreshMinIntervalSeconds = 300, KeyCacheHours = 24 });
        _keys = new TeamsSigningKeys(_client, TeamsTokenIssuerKind.BotConnector, "https://login.test/openid", options, _time, NullLogger<TeamsSigningKeys>.Instance);
    }

    [Fact]
    public async Task FindAsync_KnownKey_FetchedOnceWithEndorsements()
    {
        var first = await _keys.FindAsync(TeamsTestTokens.ChannelKeyId, TestContext.Current.CancellationToken);
        var second = await _keys.FindAsync(TeamsTestTokens.ChannelKeyId, TestContext.Current.CancellationToken);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Contains("msteams", first.Endorsements);
        Assert.Equal(2, _http.Calls.Count);
    }

    [Fact]
    public async Task FindAsync_UnknownKeyRepeatedly_RefreshesAtMostOncePerInterval()
    {
        await _keys.FindAsync(TeamsTestTokens.ChannelKeyId, TestContext.Current.CancellationToken);

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await _keys.FindAsync("made-up-" + i, TestContext.Current.CancellationToken));
        }

        Assert.Equal(2, _http.Calls.Count);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await _keys.FindAsync("made-up-again", TestContext.Current.CancellationToken));
        Assert.Equal(4, _http.Calls.Count);
    }

    [Fact]
    public async Task FindAsync_CacheOlderThanKeyCacheHours_Refetched()
    {
        await _keys.FindAsync(TeamsTestTokens.ChannelKeyId, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(25));

        Assert.NotNull(await _keys.FindAsync(TeamsTestTokens.ChannelKeyId, TestContext.Current.CancellationToken));
        Assert.Equal(4, _http.Calls.Count);
    }

    [Fact]
    public async Task FindAsync_EntraMetadata_ReadsItsOwnUrlAndKeysWithoutEndorsements()
    {
        using var entra = new TeamsEntraTestTokens();
        using var http = new StubTeamsHandler((request, _) => request.RequestUri!.AbsolutePath == "/common/v2.0/.well-known/openid-configuration"
            ? StubTeamsHandler.Json(TeamsEntraTestTokens.MetadataJson("https://entra.test/common/discovery/v2.0/keys"))
            : StubTeamsHandler.Json(entra.JwksJson()));
        using var client = new HttpClient(http);
        var options = Options.Create(new TeamsOptions());
        using var keys = new TeamsSigningKeys(client, TeamsTokenIssuerKind.Entra, "https://entra.test/common/v2.0/.well-known/openid-configuration", options, _time, NullLogger<TeamsSigningKeys>.Instance);

        var key = await keys.FindAsync(TeamsEntraTestTokens.KeyId, TestContext.Current.CancellationToken);

        Assert.NotNull(key);
        Assert.Empty(key.Endorsements);
        Assert.Equal("https://entra.test/common/v2.0/.well-known/openid-configuration", http.Calls[0].Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task FindAsync_MetadataDown_FailsFastThenRetriesAfterBackoff()
    {
        using var down = new StubTeamsHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
        using var client = new HttpClient(down);
        using var keys = new TeamsSigningKeys(client, TeamsTokenIssuerKind.BotConnector, "https://login.test/openid", Options.Create(new TeamsOptions()), _time, NullLogger<TeamsSigningKeys>.Instance);

        await Assert.ThrowsAsync<HttpRequestException>(() => keys.FindAsync("k", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => keys.FindAsync("k", TestContext.Current.CancellationToken));
        Assert.Single(down.Calls);

        _time.Advance(TimeSpan.FromSeconds(11));
        await Assert.ThrowsAsync<HttpRequestException>(() => keys.FindAsync("k", TestContext.Current.CancellationToken));
        Assert.Equal(2, down.Calls.Count);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _client.Dispose();
        _http.Dispose();
        _tokens.Dispose();
    }
}
