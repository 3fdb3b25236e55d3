using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>
/// The whole loop through the real host and the fake Discord: a customer message in #support becomes a review
/// card (embed + buttons) in the mod channel; Edit opens a modal prefilled with the draft; its submission sends
/// the edited reply to the customer and the card is edited in place. Every payload the bot sent is then
/// type-checked against discord-api-types.
/// </summary>
public sealed class DiscordReviewLoopTests : IAsyncLifetime
{
    private const string SupportChannel = "500";
    private const string ModChannel = "200";
    private const string LeadId = "900";
    private readonly TempFolder _folder = new();
    private FakeDiscordServer _fake = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        var settings = DiscordHostSettings.For(_fake, _folder.Path, ModChannel, SupportChannel);
        settings["Switchboard:Governance:Members:20:Actor"] = "discord:" + LeadId;
        settings["Switchboard:Governance:Members:20:Roles:0"] = "finance_lead";
        _host = await TestHost.StartAsync(_folder.File("sb.db"), settings);
        await Eventually.TrueAsync(() => Task.FromResult(_fake.Identifies == 1 && _fake.Connections == 1), what: "the bot to identify");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task CustomerMessage_EditInModal_EditedReplySentAndCardEdited()
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5001", SupportChannel, "777", "cleo", "You charged my card twice, refund please"));

        var card = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"channels/{ModChannel}/messages")), what: "the review card in the mod channel");
        var cardBody = card.Body!.AsObject();
        var buttons = cardBody["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).ToList();
        var edit = (string)buttons.Single(b => ((string?)b!["custom_id"])?.Contains(":edit:", StringComparison.Ordinal) == true)!["custom_id"]!;
        Assert.Contains(buttons, b => ((string?)b!["custom_id"])?.Contains(":approve:", StringComparison.Ordinal) == true && (int?)b["style"] == 3);
        var posted = cardBody.DeepClone().AsObject();
        posted["id"] = "9001";
        posted["channel_id"] = ModChannel;

        var pressedAt = TimeProvider.System.GetUtcNow();
        await _fake.DispatchAsync("INTERACTION_CREATE", Interaction("i-1", "tok-1", 3, new JsonObject { ["custom_id"] = edit, ["component_type"] = 2 }, posted));

        var modalCall = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", "interactions/i-1/tok-1/callback")), what: "the modal");
        Assert.True(modalCall.At - pressedAt < TimeSpan.FromSeconds(3), "the initial response must beat Discord's 3 s deadline");
        Assert.Equal(9, (int?)modalCall.Body!["type"]);
        var modal = modalCall.Body!["data"]!;
        var draft = Switchboard.Connectors.Discord.DiscordConnector.ModalValue(modal);
        Assert.False(string.IsNullOrWhiteSpace(draft));
        Assert.Contains(draft, cardBody.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        var modalId = (string)modal["custom_id"]!;
        Assert.True(modalId.Length <= 100);

        const string edited = "Hi cleo, we have refunded the duplicate charge; it shows in 3-5 days.";
        await _fake.DispatchAsync("INTERACTION_CREATE", Interaction("i-2", "tok-2", 5, new JsonObject
        {
            ["custom_id"] = modalId,
            ["components"] = new JsonArray(new JsonObject { ["type"] = 18, ["id"] = 1, ["component"] = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = "text", ["value"] = edited } }),
        }, posted));

        var ack = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", "interactions/i-2/tok-2/callback")), what: "the deferred update");
        Assert.Equal(6, (int?)ack.Body!["type"]);
        Assert.True(ack.At <= (_fake.FirstTo("POST", $"webhooks/{FakeDiscordServer.ApplicationId}/tok-2")?.At ?? DateTimeOffset.MaxValue), "acknowledge first, act after");
        var reply = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"channels/{SupportChannel}/messages")), what: "the reply to the customer");
        Assert.Equal(edited, (string?)reply.Body!["content"]);
        Assert.Equal("5001", (string?)reply.Body!["message_reference"]!["message_id"]);
        var cardEdit = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PATCH", $"channels/{ModChannel}/messages/")), what: "the card edit");
        Assert.Empty(cardEdit.Body!["components"]!.AsArray());
        Assert.Contains("@dana", cardEdit.Body!.ToJsonString(), StringComparison.Ordinal);
        var followUp = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"webhooks/{FakeDiscordServer.ApplicationId}/tok-2")), what: "the ephemeral confirmation");
        Assert.Equal(64, (int?)followUp.Body!["flags"]);
        Assert.All(_fake.Requests.Where(r => !r.Path.StartsWith("webhooks/", StringComparison.Ordinal)), r => Assert.Equal("Bot " + FakeDiscordServer.Token, r.Authorization));

        var (exitCode, output) = await DiscordApiTypes.CheckAsync(TypedPayloads());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Approve_ReviewerWithoutRole_EphemeralRefusalAndNoReply()
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5002", SupportChannel, "778", "finn", "Please refund the double charge on my card"));
        var card = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"channels/{ModChannel}/messages")), what: "the review card");
        var approve = (string)card.Body!["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Single(b => ((string?)b!["custom_id"])?.Contains(":approve:", StringComparison.Ordinal) == true)!["custom_id"]!;

        await _fake.DispatchAsync("INTERACTION_CREATE", Interaction("i-3", "tok-3", 3, new JsonObject { ["custom_id"] = approve, ["component_type"] = 2 }, null, userId: "901", username: "sam"));

        var followUp = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"webhooks/{FakeDiscordServer.ApplicationId}/tok-3")), what: "the refusal");
        Assert.Equal(64, (int?)followUp.Body!["flags"]);
        Assert.Contains("finance lead", (string?)followUp.Body!["content"], StringComparison.Ordinal);
        Assert.Equal(6, (int?)Assert.Single(_fake.RequestsTo("POST", "interactions/i-3/tok-3/callback")).Body!["type"]);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(_fake.RequestsTo("POST", $"channels/{SupportChannel}/messages"));
    }

    [Fact]
    public async Task PayloadCheck_WrongPayload_FailsTypeCheck()
    {
        var (exitCode, output) = await DiscordApiTypes.CheckAsync([("RESTPostAPIChannelMessageJSONBody", new JsonObject { ["contnet"] = "typo" })]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("contnet", output, StringComparison.Ordinal);
    }

    private IEnumerable<(string, JsonNode)> TypedPayloads()
    {
        foreach (var r in _fake.Requests.Where(r => r.Body is not null))
        {
            var type = (r.Method, r.Path.Split('/')) switch
            {
                ("POST", ["channels", _, "messages"]) => "RESTPostAPIChannelMessageJSONBody",
                ("PATCH", ["channels", _, "messages", _]) => "RESTPatchAPIChannelMessageJSONBody",
                ("POST", ["interactions", _, _, "callback"]) => "RESTPostAPIInteractionCallbackJSONBody",
                ("POST", ["webhooks", _, _]) => "RESTPostAPIInteractionFollowupJSONBody",
                ("POST", ["users", "@me", "channels"]) => "RESTPostAPICurrentUserCreateDMChannelJSONBody",
                _ => throw new InvalidOperationException($"No discord-api-types type mapped for {r.Method} {r.Path}."),
            };
            yield return (type, r.Body!);
        }

        foreach (var p in _fake.GatewayReceived)
        {
            yield return ((int?)p["op"] switch
            {
                1 => "GatewayHeartbeat",
                2 => "GatewayIdentify",
                6 => "GatewayResume",
                var op => throw new InvalidOperationException($"No type mapped for gateway op {op}."),
            }, p);
        }
    }

    private static JsonObject Interaction(string id, string token, int type, JsonObject data, JsonObject? message, string userId = LeadId, string username = "dana") =>
        FakeDiscordServer.Interaction(id, token, type, data, ModChannel, userId, username, message);
}
