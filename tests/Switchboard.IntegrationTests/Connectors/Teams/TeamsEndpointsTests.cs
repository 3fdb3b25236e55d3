using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>POST /api/messages authentication on the real host, with tokens posted by the Bot Framework JS SDK peer.</summary>
public sealed class TeamsEndpointsTests : IAsyncLifetime
{
    private TeamsBotHost _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await TeamsBotHost.StartAsync();

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task PostActivity_ValidToken_AcceptedAndSdkAgrees()
    {
        var response = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());

        Assert.Equal(200, (int)response["status"]!);
        Assert.True((bool)response["sdkAccepted"]!);
    }

    [Theory]
    [InlineData(TeamsTokenKind.Forged)]
    [InlineData(TeamsTokenKind.Expired)]
    [InlineData(TeamsTokenKind.WrongAudience)]
    [InlineData(TeamsTokenKind.WrongIssuer)]
    [InlineData(TeamsTokenKind.ServiceUrlMismatch)]
    internal async Task PostActivity_BadToken_401AndSdkAlsoRejects(TeamsTokenKind kind)
    {
        var response = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled(), kind);

        Assert.Equal(401, (int)response["status"]!);
        Assert.False((bool)response["sdkAccepted"]!, "the SDK should reject this token too, or the case tests nothing");
    }

    [Fact]
    public async Task PostActivity_KeyNotEndorsedForChannel_401()
    {
        // The SDK only enforces endorsements when a key lists some; the connector requires the channel's.
        var response = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled(), TeamsTokenKind.Unendorsed);

        Assert.Equal(401, (int)response["status"]!);
    }

    [Fact]
    public async Task PostActivity_NoToken_401()
    {
        var activity = TeamsBotHost.BotInstalled();
        activity["serviceUrl"] = _bot.Peer.ServiceUrl;
        activity["channelId"] = "msteams";
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");

        var response = await _bot.Host.Http.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_ValidTokenAfterRejectedOnes_StillAccepted()
    {
        await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled(), TeamsTokenKind.Forged);

        var response = await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled());

        Assert.Equal(200, (int)response["status"]!);
    }

    [Fact]
    public async Task PostActivity_ChannelIdNotEndorsed_401()
    {
        var activity = TeamsBotHost.BotInstalled();
        activity["channelId"] = "slack";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        activity["serviceUrl"] = _bot.Peer.ServiceUrl;
        request.Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.Tokens.Mint(TeamsTokenKind.Valid, _bot.Peer.ServiceUrl, TimeProvider.System.GetUtcNow()));

        var response = await _bot.Host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
