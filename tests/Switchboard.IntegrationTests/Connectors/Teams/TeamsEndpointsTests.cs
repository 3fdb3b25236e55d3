using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>POST /api/messages authentication on the real host, with tokens posted by the Bot Framework JS SDK peer (Bot Connector) or by the test (Entra).</summary>
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

    [Fact]
    public async Task PostActivity_EntraV2TokenOfOwnTenant_MessageHandledAndAnswered()
    {
        Assert.Equal(200, (int)(await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled()))["status"]!);
        var token = _bot.Issuer.EntraTokens.Mint(TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.OwnTenant));

        var status = await PostWithTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(HttpStatusCode.OK, status);
        // A stranger's /campaign start is refused in the thread: the reply proves the activity reached the handler.
        await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST" && ((string?)c["body"]?["text"])?.Contains("campaign ops role", StringComparison.Ordinal) == true)),
            TimeSpan.FromSeconds(30),
            "the refusal replied to the Entra-authenticated message");
    }

    [Fact]
    public async Task PostActivity_EntraV2TokenOfOtherApp_401()
    {
        Assert.Equal(200, (int)(await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled()))["status"]!);
        var token = _bot.Issuer.EntraTokens.Mint(
            TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.OwnTenant), caller: "99999999-0000-4000-8000-000000000000");

        var status = await PostWithTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task PostActivity_EntraTokenOfForeignTenant_401()
    {
        var token = _bot.Issuer.EntraTokens.Mint(TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.ForeignTenant));

        var status = await PostWithTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static JsonObject CampaignStartMessage() => JsonNode.Parse($$$"""
        {"type":"message","id":"{{{Guid.NewGuid():N}}}","textFormat":"plain","text":"<at>Switchboard</at> /campaign start maya-launch20",
         "from":{"id":"29:stranger","name":"Stranger","aadObjectId":"aad-stranger"},
         "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"},
         "conversation":{"id":"{{{TeamsBotHost.FinanceConversation}}};messageid=1763800000002","conversationType":"channel","isGroup":true,"tenantId":"tenant-1"},
         "entities":[{"type":"mention","text":"<at>Switchboard</at>","mentioned":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"}}],
         "channelData":{"tenant":{"id":"tenant-1"},"team":{"id":"{{{TeamsBotHost.FinanceConversation}}}"} } }
        """)!.AsObject();

    /// <summary>Posts as an Entra-authenticated caller would: the test's token, the peer's serviceUrl, channel msteams.</summary>
    private async Task<HttpStatusCode> PostWithTokenAsync(JsonObject activity, string token)
    {
        activity["serviceUrl"] = _bot.Peer.ServiceUrl;
        activity["channelId"] = TeamsTestTokens.ChannelId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _bot.Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
