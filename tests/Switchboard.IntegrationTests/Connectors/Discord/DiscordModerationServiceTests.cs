using System.Text.Json.Nodes;
using Switchboard.Connectors.Discord;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>Moderation against the fake: the bot's channel permissions are checked before acting.</summary>
public sealed class DiscordModerationServiceTests : IAsyncLifetime
{
    private const ulong ManageMessages = 1UL << 13;
    private const ulong BanMembers = 1UL << 2;
    private const ulong PinMessages = 1UL << 51;
    private const ulong ViewAndSend = (1UL << 10) | (1UL << 11);
    private FakeDiscordServer _fake = null!;
    private DiscordConnectorHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _bot = DiscordConnectorHarness.Start(_fake, receive: false);
        _fake.Objects["users/@me"] = new JsonObject { ["id"] = FakeDiscordServer.BotUserId };
        _fake.Objects[$"guilds/1/members/{FakeDiscordServer.BotUserId}"] = new JsonObject { ["roles"] = new JsonArray("20") };
        _fake.Channels["500"] = new JsonObject { ["id"] = "500", ["type"] = 0, ["guild_id"] = "1", ["permission_overwrites"] = new JsonArray() };
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private DiscordModerationService Moderation => _bot.Get<DiscordModerationService>();

    private void Guild(ulong everyone, ulong botRole) => _fake.Objects["guilds/1"] = new JsonObject
    {
        ["id"] = "1",
        ["owner_id"] = "1000",
        ["roles"] = new JsonArray(
            new JsonObject { ["id"] = "1", ["permissions"] = everyone.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new JsonObject { ["id"] = "20", ["permissions"] = botRole.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
    };

    [Fact]
    public async Task Execute_DeleteWithManageMessages_DeletesWithAuditReason()
    {
        Guild(ViewAndSend, ManageMessages);

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, "1", "500", "77", "9", "Scam link"), TestContext.Current.CancellationToken);

        Assert.True(result.Done, result.Message);
        var delete = Assert.Single(_fake.RequestsTo("DELETE", "channels/500/messages/77"));
        Assert.Equal("Scam%20link", delete.AuditReason);
    }

    [Fact]
    public async Task Execute_NoGuildId_LooksItUpFromTheChannel()
    {
        Guild(ViewAndSend, ManageMessages);

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, null, "500", "78", "9", "Spam"), TestContext.Current.CancellationToken);

        Assert.True(result.Done, result.Message);
        Assert.Single(_fake.RequestsTo("DELETE", "channels/500/messages/78"));
    }

    [Fact]
    public async Task Execute_DeleteWithoutManageMessages_RefusedBeforeCallingDiscord()
    {
        Guild(ViewAndSend, 0);

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, "1", "500", "77", "9", "Scam link"), TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Contains("MANAGE_MESSAGES", result.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.RequestsTo("DELETE", "channels/"));
    }

    [Fact]
    public async Task Execute_ChannelOverwriteDeniesManageMessages_Refused()
    {
        Guild(ViewAndSend, ManageMessages);
        _fake.Channels["500"] = new JsonObject
        {
            ["id"] = "500",
            ["type"] = 0,
            ["permission_overwrites"] = new JsonArray(new JsonObject { ["id"] = "20", ["type"] = 0, ["allow"] = "0", ["deny"] = ManageMessages.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.DeleteMessage, "1", "500", "77", "9", "Scam"), TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Empty(_fake.RequestsTo("DELETE", "channels/"));
    }

    [Fact]
    public async Task Execute_TimeoutWithModerateMembers_SetsCommunicationDisabledUntil()
    {
        Guild(ViewAndSend, 1UL << 40);

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.TimeoutAuthor, "1", "500", "77", "9", "Harassment", TimeoutMinutes: 30), TestContext.Current.CancellationToken);

        Assert.True(result.Done, result.Message);
        var patch = Assert.Single(_fake.RequestsTo("PATCH", "guilds/1/members/9"));
        var until = DateTimeOffset.Parse((string)patch.Body!["communication_disabled_until"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until - patch.At, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
    }

    [Fact]
    public async Task Execute_PinRefusedByDiscord_ClearRefusal()
    {
        Guild(ViewAndSend, 1UL << 51);
        _fake.Script("PUT channels/500/messages/pins/77", 403, new JsonObject { ["message"] = "Missing Permissions", ["code"] = 50013 });

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.PinMessage, "1", "500", "77", "9", "Keep visible"), TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Contains("Missing Permissions", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Warning_PostsReplyPingingOnlyTheAuthor()
    {
        Guild(ViewAndSend, 0);

        var result = await Moderation.ExecuteAsync(new DiscordModerationRequest(DiscordModerationAction.PostWarning, "1", "500", "77", "9", "Rule 2", WarningText: "<@9> please keep it civil."), TestContext.Current.CancellationToken);

        Assert.True(result.Done, result.Message);
        var post = Assert.Single(_fake.RequestsTo("POST", "channels/500/messages"));
        Assert.Equal("9", (string?)post.Body!["allowed_mentions"]!["users"]![0]);
        Assert.Equal("77", (string?)post.Body!["message_reference"]!["message_id"]);
    }

    [Fact]
    public async Task Execute_BanWithBanMembers_PutsTheBanWithReasonAndHistoryWindow()
    {
        Guild(ViewAndSend, BanMembers);

        var result = await BanAsync("9", deleteMessageSeconds: 86_400);

        Assert.True(result.Done, result.Message);
        Assert.Equal("Author banned; Discord deletes their messages from the last 1 day.", result.Message);
        var ban = Assert.Single(_fake.RequestsTo("PUT", "guilds/1/bans/9"));
        Assert.Equal(86_400, (int?)ban.Body!["delete_message_seconds"]);
        Assert.Equal("Scam", ban.AuditReason);
    }

    [Fact]
    public async Task Execute_BanTheServerOwner_RefusedWithoutCallingDiscord()
    {
        Guild(ViewAndSend, BanMembers);

        AssertRefusedWithoutBan(await BanAsync("1000"), "server owner");
    }

    [Fact]
    public async Task Execute_BanAboveTheBotsRole_RoleHierarchyRefusal()
    {
        Guild(ViewAndSend, BanMembers);
        _fake.Script("PUT guilds/1/bans/9", 403, new JsonObject { ["message"] = "Missing Permissions", ["code"] = 50013 });

        var result = await BanAsync("9");

        Assert.False(result.Done);
        Assert.Contains("role hierarchy", result.Message, StringComparison.Ordinal);
        Assert.Contains("50013", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(604_801)]
    public async Task Execute_BanHistoryWindowOutOfRange_RefusedWithoutCallingDiscord(int seconds)
    {
        Guild(ViewAndSend, BanMembers);

        AssertRefusedWithoutBan(await BanAsync("9", seconds), "604800");
    }

    [Fact]
    public async Task Execute_PinWarningWithoutPinMessages_PostedNotPinnedAndSaysWhy()
    {
        Guild(ViewAndSend, ManageMessages);

        var result = await PinWarningAsync();

        AssertPostedNotPinned(result);
        Assert.Contains("PIN_MESSAGES", result.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.RequestsTo("PUT", "channels/"));
    }

    [Fact]
    public async Task Execute_PinWarningRateLimitedOnThePin_StillDoneSoAPressAgainDoesNotPostTwice()
    {
        Guild(ViewAndSend, PinMessages);
        _fake.Script("PUT channels/500/messages/pins/", 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 60, ["global"] = false });

        AssertPostedNotPinned(await PinWarningAsync());
    }

    private Task<DiscordModerationResult> BanAsync(string userId, int deleteMessageSeconds = 0) => Moderation.ExecuteAsync(
        new DiscordModerationRequest(DiscordModerationAction.BanAuthor, "1", "500", "77", userId, "Scam", DeleteMessageSeconds: deleteMessageSeconds), TestContext.Current.CancellationToken);

    private Task<DiscordModerationResult> PinWarningAsync() => Moderation.ExecuteAsync(
        new DiscordModerationRequest(DiscordModerationAction.PinWarning, "1", "500", "77", "9", "Rule 2", WarningText: "<@9> please keep it civil."), TestContext.Current.CancellationToken);

    private void AssertRefusedWithoutBan(DiscordModerationResult result, string reason)
    {
        Assert.False(result.Done);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.RequestsTo("PUT", "guilds/"));
    }

    private void AssertPostedNotPinned(DiscordModerationResult result)
    {
        Assert.True(result.Done, result.Message);
        Assert.StartsWith("Warning posted; pinning failed (", result.Message, StringComparison.Ordinal);
        Assert.Single(_fake.RequestsTo("POST", "channels/500/messages"));
    }
}
