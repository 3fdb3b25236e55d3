using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>The gateway client against the loopback fake: identify, dispatch, and the hard cases.</summary>
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;

    public async ValueTask InitializeAsync() => _fake = await FakeDiscordServer.StartAsync();

    public async ValueTask DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Receive_Connect_IdentifiesWithIntentsAndStoresSession()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);

        var identify = await Eventually.GetAsync(() => Task.FromResult(_fake.GatewayReceived.FirstOrDefault(p => (int?)p["op"] == 2)), what: "IDENTIFY");
        await Eventually.TrueAsync(() => Task.FromResult(bot.Connector.Gateway.SessionId == _fake.SessionId), what: "READY handled");

        Assert.Equal(FakeDiscordServer.Token, (string?)identify["d"]!["token"]);
        Assert.Equal((1 << 9) | (1 << 12) | (1 << 15), (int?)identify["d"]!["intents"]);
        Assert.Equal(FakeDiscordServer.BotUserId, bot.Connector.Gateway.BotUserId);
        Assert.Equal(FakeDiscordServer.ApplicationId, bot.Connector.Gateway.ApplicationId);
    }

    [Fact]
    public async Task Receive_DroppedSocket_ResumesWithoutLosingOrRepeatingEvents()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);
        for (var i = 1; i <= 3; i++)
        {
            await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message($"10{i}", "500", "77", "cleo", $"message {i}"));
        }

        await Eventually.TrueAsync(() => Task.FromResult(bot.Sink.Messages.Count == 3), what: "three messages");
        var lastSeen = bot.Connector.Gateway.Sequence;

        _fake.DropConnection();
        await _fake.WaitForDisconnectAsync();
        for (var i = 4; i <= 5; i++)
        {
            await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message($"10{i}", "500", "77", "cleo", $"message {i}"));
        }

        await Eventually.TrueAsync(() => Task.FromResult(bot.Sink.Messages.Count >= 5), what: "the missed messages after resume");
        await Task.Delay(200, TestContext.Current.CancellationToken);

        var resume = Assert.Single(_fake.GatewayReceived, p => (int?)p["op"] == 6);
        Assert.Equal(lastSeen, (long?)resume["d"]!["seq"]);
        Assert.Equal(_fake.SessionId, (string?)resume["d"]!["session_id"]);
        Assert.Equal(["101", "102", "103", "104", "105"], bot.Sink.Messages.Select(m => m.PlatformMessageId));
        Assert.All(_fake.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(1, _fake.Identifies);
    }

    [Fact]
    public async Task Receive_StoringFails_EventReplayedOnResumeNotLost()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("201", "500", "77", "cleo", "first"));
        await Eventually.TrueAsync(() => Task.FromResult(bot.Sink.Messages.Count == 1), what: "the first message");
        bot.Sink.FailIngests = 1;

        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("202", "500", "77", "cleo", "second"));

        await Eventually.TrueAsync(() => Task.FromResult(bot.Sink.Messages.Count == 2), TimeSpan.FromSeconds(15), "the failed message, replayed");
        Assert.Equal(["201", "202"], bot.Sink.Messages.Select(m => m.PlatformMessageId));
        Assert.Equal(1, _fake.Identifies);
        Assert.Contains(_fake.GatewayReceived, p => (int?)p["op"] == 6);
    }

    [Fact]
    public async Task Receive_MissedHeartbeatAck_ReconnectsAndResumes()
    {
        _fake.HeartbeatIntervalMs = 250;
        _fake.AckHeartbeats = false;
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);

        var resume = await Eventually.GetAsync(() => Task.FromResult(_fake.GatewayReceived.FirstOrDefault(p => (int?)p["op"] == 6)), TimeSpan.FromSeconds(15), "RESUME after the zombie connection");
        _fake.AckHeartbeats = true;

        Assert.True(_fake.Connections >= 2);
        Assert.Equal(_fake.SessionId, (string?)resume["d"]!["session_id"]);
        Assert.Contains(_fake.GatewayReceived, p => (int?)p["op"] == 1);
        Assert.Equal(1, _fake.Identifies);
    }

    [Fact]
    public async Task Receive_InvalidSessionNotResumable_IdentifiesAgain()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        bot.Connector.Gateway.InvalidSessionWait = () => TimeSpan.FromMilliseconds(100);
        await WaitReadyAsync(bot);
        var firstSession = _fake.SessionId;
        _fake.InvalidSessionOnResume = false;

        _fake.DropConnection();

        await Eventually.TrueAsync(() => Task.FromResult(_fake.Identifies == 2 && bot.Connector.Gateway.SessionId == _fake.SessionId), TimeSpan.FromSeconds(15), "a second IDENTIFY");
        Assert.NotEqual(firstSession, _fake.SessionId);
        Assert.Single(_fake.GatewayReceived, p => (int?)p["op"] == 6);
    }

    [Fact]
    public async Task Receive_NoSessionStartsLeft_WaitsForResetBeforeIdentifying()
    {
        _fake.Objects["gateway/bot"] = new JsonObject
        {
            ["url"] = "wss://gateway.discord.gg",
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 0, ["reset_after"] = 1500, ["max_concurrency"] = 1 },
        };
        await using var bot = DiscordConnectorHarness.Start(_fake);

        await WaitReadyAsync(bot);

        var asked = Assert.Single(_fake.RequestsTo("GET", "gateway/bot")).At;
        var identify = _fake.GatewayLog.Single(e => (int?)e.Payload["op"] == 2).At;
        Assert.True(identify - asked >= TimeSpan.FromSeconds(1.4), $"identified {(identify - asked).TotalMilliseconds} ms after learning no starts were left");
    }

    [Fact]
    public async Task Receive_RetagSelect_DeferredThenActionWithTheChosenIntent()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);

        await _fake.DispatchAsync("INTERACTION_CREATE", new JsonObject
        {
            ["id"] = "i-9",
            ["application_id"] = FakeDiscordServer.ApplicationId,
            ["type"] = 3,
            ["token"] = "tok-9",
            ["data"] = new JsonObject { ["custom_id"] = "sb:retag:tok42", ["component_type"] = 3, ["values"] = new JsonArray("shipping") },
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "900", ["username"] = "dana" } },
        });

        var action = await Eventually.GetAsync(() => Task.FromResult(bot.Sink.Actions.FirstOrDefault()), what: "the retag action");
        Assert.Equal(("tok42", "shipping", "900", "@dana"), (action.Token, action.NewIntent, action.ActorId, action.ActorHandle));
        Assert.Equal(6, (int?)Assert.Single(_fake.RequestsTo("POST", "interactions/i-9/tok-9/callback")).Body!["type"]);
        await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", $"webhooks/{FakeDiscordServer.ApplicationId}/tok-9")), what: "the ephemeral result");
    }

    [Fact]
    public async Task Receive_Op7Reconnect_ClosesAndResumes()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);

        await _fake.SendOpAsync(new JsonObject { ["op"] = 7, ["d"] = null });

        var resume = await Eventually.GetAsync(() => Task.FromResult(_fake.GatewayReceived.FirstOrDefault(p => (int?)p["op"] == 6)), TimeSpan.FromSeconds(15), "RESUME after op 7");
        Assert.Equal(_fake.SessionId, (string?)resume["d"]!["session_id"]);
        Assert.Equal(2, _fake.Connections);
        Assert.Equal(1, _fake.Identifies);
    }

    [Fact]
    public async Task Receive_ServerRequestsHeartbeat_HeartbeatsAtOnce()
    {
        _fake.HeartbeatIntervalMs = 600_000;
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);
        var before = _fake.GatewayReceived.Count(p => (int?)p["op"] == 1);

        await _fake.SendOpAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        await Eventually.TrueAsync(() => Task.FromResult(_fake.GatewayReceived.Count(p => (int?)p["op"] == 1) > before), TimeSpan.FromSeconds(5), "the requested heartbeat");
    }

    [Fact]
    public async Task Receive_IdentifyAgainSoon_WaitsForTheIdentifyInterval()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake, new Dictionary<string, string?> { ["Switchboard:Connectors:Discord:IdentifyIntervalSeconds"] = "1.5" });
        bot.Connector.Gateway.InvalidSessionWait = () => TimeSpan.Zero;
        await WaitReadyAsync(bot);
        _fake.InvalidSessionOnResume = false;

        _fake.DropConnection();

        await Eventually.TrueAsync(() => Task.FromResult(_fake.Identifies == 2), TimeSpan.FromSeconds(15), "a second IDENTIFY");
        var identifies = _fake.GatewayLog.Where(e => (int?)e.Payload["op"] == 2).Select(e => e.At).ToList();
        Assert.True(identifies[1] - identifies[0] >= TimeSpan.FromSeconds(1.4), $"identifies {(identifies[1] - identifies[0]).TotalMilliseconds} ms apart");
    }

    [Theory]
    [InlineData(4004, ConnectorFailure.Auth, "BotToken")]
    [InlineData(4014, ConnectorFailure.Auth, "MESSAGE CONTENT")]
    [InlineData(4013, ConnectorFailure.Invalid, "Intents")]
    public async Task Receive_FatalCloseCode_StopsWithClearNonRetryableError(int code, ConnectorFailure failure, string hint)
    {
        _fake.CloseOnIdentify = code;
        await using var bot = DiscordConnectorHarness.Start(_fake);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => bot.Receiving.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));

        Assert.Equal(failure, error.Failure);
        Assert.False(error.IsRetryable);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _fake.Connections);
    }

    [Fact]
    public async Task Receive_RestRejectsToken_StopsBeforeIdentifying()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake, new Dictionary<string, string?> { ["Switchboard:Connectors:Discord:BotToken"] = "reset-token" });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => bot.Receiving.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorFailure.Auth, error.Failure);
        Assert.Contains("token is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.GatewayReceived, p => (int?)p["op"] == 2);
    }

    [Fact]
    public async Task Receive_ResumableCloseCode_Resumes()
    {
        await using var bot = DiscordConnectorHarness.Start(_fake);
        await WaitReadyAsync(bot);

        await _fake.CloseConnectionAsync(4000);

        await Eventually.GetAsync(() => Task.FromResult(_fake.GatewayReceived.FirstOrDefault(p => (int?)p["op"] == 6)), TimeSpan.FromSeconds(15), "RESUME after close 4000");
        Assert.Equal(1, _fake.Identifies);
    }

    [Fact]
    public async Task Receive_MessagesInChannelsThreadsAndDms_OnlyCustomerTrafficIngested()
    {
        _fake.Channels["600"] = new JsonObject { ["id"] = "600", ["type"] = 11, ["parent_id"] = "500", ["guild_id"] = "1" };
        _fake.Channels["601"] = new JsonObject { ["id"] = "601", ["type"] = 11, ["parent_id"] = "999", ["guild_id"] = "1" };
        await using var bot = DiscordConnectorHarness.Start(_fake, new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:CustomerChannels:0"] = "500",
            ["Switchboard:Connectors:Discord:TeamChannels:0"] = "200",
        });
        await WaitReadyAsync(bot);
        var reply = FakeDiscordServer.Message("2", "600", "77", "cleo", "still broken");
        reply["type"] = 19;
        reply["message_reference"] = new JsonObject { ["message_id"] = "1", ["channel_id"] = "600" };
        var botMessage = FakeDiscordServer.Message("3", "500", "88", "otherbot", "beep");
        botMessage["author"]!["bot"] = true;
        var voice = FakeDiscordServer.Message("6", "500", "77", "cleo", string.Empty);
        voice["flags"] = 8192;
        voice["attachments"] = new JsonArray(new JsonObject
        {
            ["id"] = "66", ["filename"] = "voice-message.ogg", ["size"] = 12345, ["url"] = "https://cdn.discordapp.com/attachments/500/66/voice-message.ogg?ex=1&is=2&hm=3",
            ["content_type"] = "audio/ogg", ["duration_secs"] = 4.5, ["waveform"] = "AAAA",
        });

        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("1", "500", "77", "cleo", "my order never came"));
        await _fake.DispatchAsync("MESSAGE_CREATE", reply);
        await _fake.DispatchAsync("MESSAGE_CREATE", botMessage);
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("4", "200", "90", "dana", "mod chatter"));
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("5", "601", "77", "cleo", "elsewhere"));
        await _fake.DispatchAsync("MESSAGE_CREATE", voice);
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("7", "dm-77", "77", "cleo", "private details", guildId: null));
        await _fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordServer.Message("8", "500", FakeDiscordServer.BotUserId, "switchboard", "our own"));

        await Eventually.TrueAsync(() => Task.FromResult(bot.Sink.Messages.Any(m => m.PlatformMessageId == "7")), what: "the DM");
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var byId = bot.Sink.Messages.ToDictionary(m => m.PlatformMessageId);
        Assert.Equal(["1", "2", "6", "7"], byId.Keys.Order());
        Assert.True(byId["1"].IsPublic);
        Assert.Equal(("500", "600", "1"), (byId["2"].ChannelId, byId["2"].ThreadId, byId["2"].ReplyToPlatformMessageId));
        var attachment = Assert.Single(byId["6"].Attachments);
        Assert.Equal(("voice", "audio/ogg", 4.5, 12345L), (attachment.Kind, attachment.MimeType, attachment.DurationSeconds!.Value, attachment.SizeBytes!.Value));
        Assert.StartsWith("https://cdn.discordapp.com/", attachment.Reference, StringComparison.Ordinal);
        Assert.False(byId["7"].IsPublic);
        Assert.Equal(("dm-77", "dm-77", "@cleo"), (byId["7"].ChannelId, byId["7"].ConversationId, byId["7"].AuthorHandle));
    }

    private async Task WaitReadyAsync(DiscordConnectorHarness bot) =>
        await Eventually.TrueAsync(() => Task.FromResult(bot.Connector.Gateway.SessionId is not null && bot.Connector.Gateway.SessionId == _fake.SessionId), what: "READY");
}
