using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>POST /api/messages authentication on the real host, with Bot Connector and Entra tokens posted by the Bot Framework JS SDK peer, which checks each with the SDK first.</summary>
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
    public async Task PostActivity_EntraV2TokenOfOwnTenant_MessageHandledAndSdkAgrees()
    {
        Assert.Equal(200, (int)(await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled()))["status"]!);
        var token = _bot.Issuer.EntraTokens.Mint(TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.OwnTenant));

        var response = await _bot.Peer.PostWithEntraTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(200, (int)response["status"]!);
        Assert.True((bool)response["sdkAccepted"]!, "the SDK's EmulatorValidation should accept this token too");
        // A stranger's /campaign start is refused in the thread: the reply proves the activity reached the handler.
        await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST" && ((string?)c["body"]?["text"])?.Contains("campaign ops role", StringComparison.Ordinal) == true)),
            TimeSpan.FromSeconds(30),
            "the refusal replied to the Entra-authenticated message");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task PostActivity_EntraTokenOfOtherApp_401AndSdkAlsoRejects(string version)
    {
        var issuer = version == "1.0" ? TeamsEntraTestTokens.V1Issuer(TeamsEntraTestTokens.OwnTenant) : TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.OwnTenant);
        var token = _bot.Issuer.EntraTokens.Mint(TimeProvider.System.GetUtcNow(), issuer, version, caller: "99999999-0000-4000-8000-000000000000");

        var response = await _bot.Peer.PostWithEntraTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(401, (int)response["status"]!);
        Assert.False((bool)response["sdkAccepted"]!, "the SDK should reject this token too, or the case tests nothing");
    }

    [Fact]
    public async Task PostActivity_EntraTokenOfForeignTenant_401ThoughSdkTrustsItsTid()
    {
        var token = _bot.Issuer.EntraTokens.Mint(TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.ForeignTenant));

        var response = await _bot.Peer.PostWithEntraTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(401, (int)response["status"]!);
        // Deliberately stricter than the SDK, which adds any tenant named in the token's tid claim to its issuers.
        Assert.True((bool)response["sdkAccepted"]!);
    }

    [Fact]
    public async Task PostActivity_EntraTokenSignedWithChannelKey_401AndSdkAlsoRejects()
    {
        var token = _bot.Issuer.EntraTokens.Mint(
            TimeProvider.System.GetUtcNow(), TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.BotFrameworkTenant), signingKey: _bot.Issuer.Tokens.ChannelSigningKey);

        var response = await _bot.Peer.PostWithEntraTokenAsync(CampaignStartMessage(), token);

        Assert.Equal(401, (int)response["status"]!);
        Assert.False((bool)response["sdkAccepted"]!);
    }

    private static JsonObject CampaignStartMessage() => JsonNode.Parse($$$"""
        {"type":"message","id":"{{{Guid.NewGuid():N}}}","textFormat":"plain","text":"<at>Switchboard</at> /campaign start maya-launch20",
         "from":{"id":"29:stranger","name":"Stranger","aadObjectId":"aad-stranger"},
         "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"},
         "conversation":{"id":"{{{TeamsBotHost.FinanceConversation}}};messageid=1763800000002","conversationType":"channel","isGroup":true,"tenantId":"tenant-1"},
         "entities":[{"type":"mention","text":"<at>Switchboard</at>","mentioned":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"}}],
         "channelData":{"tenant":{"id":"tenant-1"},"team":{"id":"{{{TeamsBotHost.FinanceConversation}}}"} } }
        """)!.AsObject();
}
