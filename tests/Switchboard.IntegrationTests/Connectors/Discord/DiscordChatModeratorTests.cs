using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Review.Moderation;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>
/// Moderation through the real host and the fake Discord: a scam in #support becomes a trust &amp; safety card in the
/// mod channel with moderation buttons; a mod's press reaches Discord's REST API after the bot's channel permissions
/// were computed, the answer is ephemeral, and every outcome or refusal is in the hash-chained audit log.
/// </summary>
public sealed class DiscordChatModeratorTests : IAsyncLifetime
{
    private const string SupportChannel = "500";
    private const string ModChannel = "200";
    private const string ModId = "900";
    private const string AgentId = "901";
    private const string ScammerId = "666";
    private const ulong ViewAndSend = (1UL << 10) | (1UL << 11);
    private const ulong ManageMessages = 1UL << 13;
    private const ulong ModerateMembers = 1UL << 40;
    private const ulong BanMembers = 1UL << 2;
    private const ulong PinMessages = 1UL << 51;
    // What the scammer posts (not a member warning about one, which would read as a report: see MemberReportModerationTests).
    private const string Scam = "URGENT: your account was hacked. Verify your login code at bit.ly/verify-now within 12hrs or it will be closed";

    private readonly TempFolder _folder = new();
    private FakeDiscordServer _fake = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _fake.Objects["users/@me"] = new JsonObject { ["id"] = FakeDiscordServer.BotUserId };
        _fake.Objects[$"guilds/1/members/{FakeDiscordServer.BotUserId}"] = new JsonObject { ["roles"] = new JsonArray("20") };
        _fake.Channels[SupportChannel] = new JsonObject { ["id"] = SupportChannel, ["type"] = 0, ["guild_id"] = "1", ["permission_overwrites"] = new JsonArray() };
        BotPermissions(ManageMessages | ModerateMembers | BanMembers | PinMessages);
        var settings = DiscordHostSettings.For(_fake, _folder.Path, ModChannel, SupportChannel);
        settings["Switchboard:Governance:Members:20:Actor"] = "discord:" + ModId;
        settings["Switchboard:Governance:Members:20:Roles:0"] = "moderator";
        settings["Switchboard:Governance:Members:21:Actor"] = "discord:" + AgentId;
        settings["Switchboard:Governance:Members:21:Roles:0"] = "agent";
        settings["Switchboard:Moderation:WarningText"] = "Mods never DM you first.";
        settings["Switchboard:Moderation:RestrictMinutes"] = "30";
        settings["Switchboard:Connectors:Discord:BanDeleteMessageSeconds"] = "3600";
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
    public async Task DeletePressedByModerator_DeletesTheMessageAndAuditsIt()
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5001", SupportChannel, ScammerId, "nitro_gifts", Scam));
        var buttons = await CardButtonsAsync();
        Assert.Contains("Time out author", buttons.Keys);
        Assert.Contains("Pin warning", buttons.Keys);
        Assert.Contains("Ban author", buttons.Keys);

        await PressAsync("i-1", "tok-1", buttons["Delete message"], ModId, "dana");

        var delete = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("DELETE", $"channels/{SupportChannel}/messages/5001")), what: "the DELETE");
        Assert.Contains("moderator%20%40dana", delete.AuditReason, StringComparison.Ordinal);
        var followUp = await FollowUpAsync("tok-1");
        Assert.Equal(64, (int?)followUp["flags"]);
        Assert.Contains("Message deleted by @dana", (string?)followUp["content"], StringComparison.Ordinal);
        var edited = await Eventually.GetAsync(
            () => Task.FromResult(_fake.RequestsTo("PATCH", $"channels/{ModChannel}/messages/").FirstOrDefault(r => r.Body!.ToJsonString().Contains("Message deleted by @dana", StringComparison.Ordinal))),
            what: "the card edited in place");
        Assert.NotEmpty(edited.Body!["components"]!.AsArray());
        var done = Assert.Single(await EventsAsync("moderation.delete_message"));
        Assert.Equal("user:@dana", done.Actor);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "moderation.delete_message" && e.Actor == "user:@dana");
        Assert.True(AuditChain.Verify(audit).Ok);
    }

    [Fact]
    public async Task TimeoutAndWarningPressedByModerator_PayloadsMatchDiscordApiTypes()
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5002", SupportChannel, ScammerId, "nitro_gifts", Scam));
        var buttons = await CardButtonsAsync();

        await PressAsync("i-2", "tok-2", buttons["Time out author"], ModId, "dana");
        var timeout = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PATCH", $"guilds/1/members/{ScammerId}")), what: "the timeout");
        await FollowUpAsync("tok-2");

        // The timeout moved the case on: the card was edited with fresh buttons, and those are the ones to press.
        var edited = await Eventually.GetAsync(
            () => Task.FromResult(_fake.RequestsTo("PATCH", $"channels/{ModChannel}/messages/").FirstOrDefault(r => r.Body!.ToJsonString().Contains("timed out", StringComparison.Ordinal))),
            what: "the card edited in place");
        await PressAsync("i-3", "tok-3", Buttons(edited.Body!)["Pin warning"], ModId, "dana");
        var warning = await Eventually.GetAsync(
            () => Task.FromResult(_fake.RequestsTo("POST", $"channels/{SupportChannel}/messages").FirstOrDefault(r => r.Body?["message_reference"] is not null)),
            what: "the warning");
        await FollowUpAsync("tok-3");

        var until = DateTimeOffset.Parse((string)timeout.Body!["communication_disabled_until"]!, CultureInfo.InvariantCulture);
        Assert.InRange(until - timeout.At, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
        Assert.Equal($"<@{ScammerId}> Mods never DM you first.", (string?)warning.Body!["content"]);
        Assert.Equal("5002", (string?)warning.Body!["message_reference"]!["message_id"]);
        Assert.Single(await EventsAsync("moderation.restrict_author"));
        Assert.Single(await EventsAsync("moderation.pin_warning"));
        var (exitCode, output) = await DiscordApiTypes.CheckAsync(
            [("RESTPatchAPIGuildMemberJSONBody", timeout.Body!), ("RESTPostAPIChannelMessageJSONBody", warning.Body!)]);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task DeletePressedByAgent_EphemeralRefusalNamingTheRoleAndAudited()
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5003", SupportChannel, ScammerId, "nitro_gifts", Scam));
        var buttons = await CardButtonsAsync();

        await PressAsync("i-4", "tok-4", buttons["Delete message"], AgentId, "sam");

        var followUp = await FollowUpAsync("tok-4");
        Assert.Equal(64, (int?)followUp["flags"]);
        Assert.Contains("moderator", (string?)followUp["content"], StringComparison.Ordinal);
        Assert.Equal("user:@sam", Assert.Single(await EventsAsync("moderation.refused")).Actor);
        Assert.Contains(await AuditAsync(), e => e.Action == "moderation.refused" && e.Actor == "user:@sam");
        Assert.Empty(_fake.RequestsTo("DELETE", "channels/"));
    }

    [Theory]
    [InlineData("Delete message", ModerateMembers | BanMembers | PinMessages, "MANAGE_MESSAGES", ModerationActions.DeleteMessage, "DELETE", "channels/")]
    [InlineData("Ban author", ManageMessages | ModerateMembers | PinMessages, "BAN_MEMBERS", ModerationActions.BanAuthor, "PUT", "guilds/")]
    public async Task PressWhenBotLacksThePermission_RefusedNamingItNoCallAndAuditedAsFailed(
        string label, ulong botRole, string permission, string action, string method, string pathPrefix)
    {
        BotPermissions(botRole);
        await PressOnNewScamAsync("5004", label, "tok-5");

        var followUp = await FollowUpAsync("tok-5");
        Assert.Contains(permission, (string?)followUp["content"], StringComparison.Ordinal);
        Assert.Single(await EventsAsync($"moderation.{action}.failed"));
        Assert.Empty(_fake.RequestsTo(method, pathPrefix));
    }

    [Fact]
    public async Task BanPressedByModerator_PutsTheBanWithAuditReasonAndBody()
    {
        await PressOnNewScamAsync("5005", "Ban author", "tok-6");

        var ban = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PUT", $"guilds/1/bans/{ScammerId}")), what: "the ban");
        Assert.Contains("moderator%20%40dana", ban.AuditReason, StringComparison.Ordinal);
        Assert.Contains("case%20%23", ban.AuditReason, StringComparison.Ordinal);
        Assert.Equal(3600, (int?)ban.Body!["delete_message_seconds"]);
        var followUp = await FollowUpAsync("tok-6");
        Assert.Equal(64, (int?)followUp["flags"]);
        Assert.Contains("Author banned", (string?)followUp["content"], StringComparison.Ordinal);
        Assert.Equal("user:@dana", Assert.Single(await EventsAsync("moderation.ban_author")).Actor);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "moderation.ban_author" && e.Actor == "user:@dana");
        Assert.True(AuditChain.Verify(audit).Ok);
        var (exitCode, output) = await DiscordApiTypes.CheckAsync([("RESTPutAPIGuildBanJSONBody", ban.Body!)]);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task PinWarningPressedByModerator_PostsTheWarningThenPinsIt()
    {
        await PressOnNewScamAsync("5007", "Pin warning", "tok-8");

        var pin = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PUT", $"channels/{SupportChannel}/messages/pins/")), what: "the pin");
        var requests = _fake.Requests.ToList();
        var warning = requests.Single(r => r.Method == "POST" && r.Path == $"channels/{SupportChannel}/messages");
        Assert.True(requests.IndexOf(warning) < requests.IndexOf(pin), "the warning is posted before it is pinned");
        Assert.Equal("5007", (string?)warning.Body!["message_reference"]!["message_id"]);
        Assert.Contains("moderator%20%40dana", pin.AuditReason, StringComparison.Ordinal);
        var followUp = await FollowUpAsync("tok-8");
        Assert.Contains("Warning posted and pinned", (string?)followUp["content"], StringComparison.Ordinal);
        Assert.Single(await EventsAsync("moderation.pin_warning"));
        // It pins the warning the bot just posted, not the offending message.
        var pinned = _fake.Created[pin.Path.Split('/')[^1]];
        Assert.Equal(SupportChannel, (string?)pinned["channel_id"]);
        Assert.Equal($"<@{ScammerId}> Mods never DM you first.", (string?)pinned["content"]);
    }

    [Fact]
    public async Task PinWarningWhenThePinFails_WarningPostedAndOutcomeSaysPinningFailed()
    {
        _fake.Script($"PUT channels/{SupportChannel}/messages/pins/", 400, new JsonObject { ["message"] = "Maximum number of pins reached (50)", ["code"] = 30003 });
        await PressOnNewScamAsync("5008", "Pin warning", "tok-9");

        var followUp = await FollowUpAsync("tok-9");
        var content = (string?)followUp["content"];
        Assert.Contains("Warning posted; pinning failed (", content, StringComparison.Ordinal);
        Assert.Contains("Maximum number of pins reached", content, StringComparison.Ordinal);
        Assert.Single(_fake.RequestsTo("POST", $"channels/{SupportChannel}/messages"));
        Assert.Single(_fake.RequestsTo("PUT", $"channels/{SupportChannel}/messages/pins/"));
        Assert.Single(await EventsAsync("moderation.pin_warning"));
    }

    private void BotPermissions(ulong botRole) => _fake.Objects["guilds/1"] = new JsonObject
    {
        ["id"] = "1",
        ["owner_id"] = "1000",
        ["roles"] = new JsonArray(
            new JsonObject { ["id"] = "1", ["permissions"] = ViewAndSend.ToString(CultureInfo.InvariantCulture) },
            new JsonObject { ["id"] = "20", ["permissions"] = botRole.ToString(CultureInfo.InvariantCulture) }),
    };

    /// <summary>The trust &amp; safety card's buttons in the mod channel, custom_id by label.</summary>
    private async Task<Dictionary<string, string>> CardButtonsAsync()
    {
        var card = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"channels/{ModChannel}/messages")), what: "the review card in the mod channel");
        Assert.Contains("trust_safety", card.Body!.ToJsonString(), StringComparison.Ordinal);
        return Buttons(card.Body!);
    }

    private static Dictionary<string, string> Buttons(JsonNode message) =>
        message["components"]!.AsArray()
            .SelectMany(r => r!["components"]!.AsArray())
            .Where(c => (int?)c!["type"] == 2 && c["custom_id"] is not null)
            .ToDictionary(b => (string)b!["label"]!, b => (string)b!["custom_id"]!);

    /// <summary>The scammer posts <paramref name="messageId"/>; dana (a moderator) presses <paramref name="label"/> on its card.</summary>
    private async Task PressOnNewScamAsync(string messageId, string label, string token)
    {
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message(messageId, SupportChannel, ScammerId, "nitro_gifts", Scam));
        var buttons = await CardButtonsAsync();
        await PressAsync("i-" + messageId, token, buttons[label], ModId, "dana");
    }

    private Task PressAsync(string id, string token, string customId, string userId, string username) =>
        _fake.DispatchAsync("INTERACTION_CREATE", FakeDiscordServer.Interaction(id, token, 3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, ModChannel, userId, username));

    private async Task<JsonNode> FollowUpAsync(string token) =>
        (await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"webhooks/{FakeDiscordServer.ApplicationId}/{token}")), what: "the ephemeral answer")).Body!;

    private Task<IReadOnlyList<CaseEvent>> EventsAsync(string kind) => AuditTrail.EventsOfOnlyCaseAsync(_host, kind);

    private Task<List<AuditEntry>> AuditAsync() => AuditTrail.ReadAsync(_host);
}
