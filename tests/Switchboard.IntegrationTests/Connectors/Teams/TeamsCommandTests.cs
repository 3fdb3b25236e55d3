using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>Message commands in Teams, posted by the Bot Framework SDK peer to the real host: the answer card lands in the conversation.</summary>
public sealed class TeamsCommandTests : IAsyncLifetime
{
    private const string LinaAad = "aad-lina";
    private TeamsBotHost _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await TeamsBotHost.StartAsync(new Dictionary<string, string?>
    {
        ["Switchboard:Governance:Members:41:Actor"] = "teams:" + LinaAad,
        ["Switchboard:Governance:Members:41:Roles:0"] = "campaign_ops",
    });

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private static JsonObject Message(string text, string aadObjectId) => JsonNode.Parse($$$"""
        {"type":"message","id":"{{{Guid.NewGuid():N}}}","textFormat":"plain","text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}},
         "from":{"id":"29:lina","name":"Lina","aadObjectId":"{{{aadObjectId}}}"},
         "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"},
         "conversation":{"id":"{{{TeamsBotHost.FinanceConversation}}};messageid=1763800000001","conversationType":"channel","isGroup":true,"tenantId":"tenant-1"},
         "entities":[{"type":"mention","text":"<at>Switchboard</at>","mentioned":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"}}],
         "channelData":{"tenant":{"id":"tenant-1"},"team":{"id":"{{{TeamsBotHost.FinanceConversation}}}"} } }
        """)!.AsObject();

    [Fact]
    public async Task MentionCommand_StartByCampaignOps_ChecklistCardPostedInTheConversation()
    {
        Assert.Equal(200, (int)(await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled()))["status"]!);

        var response = await _bot.Peer.PostAsync(Message("<at>Switchboard</at> /campaign start maya-launch20", LinaAad));

        Assert.Equal(200, (int)response["status"]!);
        var posted = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST" && c["body"]?["attachments"]?[0]?["content"]?.ToJsonString().Contains("task_done", StringComparison.Ordinal) == true)),
            TimeSpan.FromSeconds(30),
            "the checklist card in the Teams conversation");
        Assert.Equal(TeamsBotHost.FinanceConversation, (string?)posted["conversationId"]);
    }

    [Fact]
    public async Task MentionCommand_WithoutTheRole_RefusalRepliedInTheThread()
    {
        Assert.Equal(200, (int)(await _bot.Peer.PostAsync(TeamsBotHost.BotInstalled()))["status"]!);

        await _bot.Peer.PostAsync(Message("<at>Switchboard</at>&nbsp;/campaign start maya-launch20", "aad-stranger"));

        var reply = await Eventually.GetAsync(
            () => Task.FromResult(_bot.Peer.Calls.FirstOrDefault(c => (string?)c["method"] == "POST" && ((string?)c["body"]?["text"])?.Contains("campaign ops role", StringComparison.Ordinal) == true)),
            TimeSpan.FromSeconds(30),
            "the refusal");
        Assert.Equal("plain", (string?)reply["body"]!["textFormat"]);
    }

    [Theory]
    [InlineData("<at>Switchboard</at> /campaign status maya-launch20", "/campaign status maya-launch20")]
    [InlineData("/staffing --messages 10", "/staffing --messages 10")]
    [InlineData("<at>Switchboard</at> hello", null)]
    public void CommandText_MentionStripped(string text, string? expected) =>
        Assert.Equal(expected, Switchboard.Connectors.Teams.TeamsActivityHandler.CommandText(new JsonObject { ["text"] = text }));
}
