using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.IntegrationTests.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>/campaign and /staffing as Discord application commands over the fake gateway and REST API.</summary>
public sealed class DiscordCommandTests : IAsyncLifetime
{
    private const string TeamChannel = "200";
    private const string CustomerChannel = "500";
    private const string Lina = "910";
    private readonly TempFolder _folder = new();
    private FakeDiscordServer _fake = null!;
    private CampaignServices _campaigns = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _campaigns = new CampaignServices(_folder.File("discord-commands.db"), CampaignServices.GoLive.AddHours(-2));
    }

    public async ValueTask DisposeAsync()
    {
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<DiscordConnectorHarness> StartAsync(bool register = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:TeamChannels:0"] = TeamChannel,
            ["Switchboard:Connectors:Discord:CustomerChannels:0"] = CustomerChannel,
        };
        if (register)
        {
            settings["Switchboard:Connectors:Discord:RegisterCommands"] = "true";
            settings["Switchboard:Connectors:Discord:ApplicationId"] = FakeDiscordServer.ApplicationId;
            settings["Switchboard:Connectors:Discord:CommandGuildId"] = "1";
        }

        var bot = DiscordConnectorHarness.Start(_fake, settings, configure: s => s.AddSingleton(_campaigns.ChatCommands(("discord:" + Lina, ["campaign_ops"]))));
        await Eventually.TrueAsync(() => Task.FromResult(bot.Connector.Gateway.SessionId == _fake.SessionId), what: "READY handled");
        return bot;
    }

    private static JsonObject Command(string id, string channel, JsonObject data, string user = Lina) => new()
    {
        ["id"] = id,
        ["application_id"] = FakeDiscordServer.ApplicationId,
        ["type"] = 2,
        ["data"] = data,
        ["guild_id"] = "1",
        ["channel_id"] = channel,
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = user, ["username"] = "lina" }, ["roles"] = new JsonArray() },
        ["token"] = "tok-" + id,
        ["version"] = 1,
        ["app_permissions"] = "0",
        ["locale"] = "en-US",
    };

    private static JsonObject Start(string campaign) => new()
    {
        ["id"] = "3001",
        ["name"] = "campaign",
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject
        {
            ["name"] = "start",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = campaign }),
        }),
    };

    [Fact]
    public async Task StartCommand_InTeamChannel_DeferredInsideThreeSecondsThenOriginalEditedAndRunStarted()
    {
        await using var bot = await StartAsync();
        var sent = TimeProvider.System.GetUtcNow();

        await _fake.DispatchAsync("INTERACTION_CREATE", Command("i-1", TeamChannel, Start("maya-launch20")));

        var deferred = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", "interactions/i-1/tok-i-1/callback")), what: "the deferred response");
        Assert.True(deferred.At - sent < TimeSpan.FromSeconds(3), "the initial response must beat Discord's 3 s deadline");
        Assert.Equal((5, 64), ((int?)deferred.Body!["type"], (int?)deferred.Body!["data"]!["flags"]));
        var edit = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PATCH", $"webhooks/{FakeDiscordServer.ApplicationId}/tok-i-1/messages/@original")), what: "the edited response");
        Assert.Contains("Launch run", (string?)edit.Body!["content"], StringComparison.Ordinal);
        var run = await _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken);
        Assert.Equal(("discord:" + Lina, "discord", TeamChannel), (run?.StartedBy, run?.Channel.Connector, run?.Channel.ChannelId));
        Assert.Empty(bot.Sink.Messages);

        var (exitCode, output) = await DiscordApiTypes.CheckAsync(
        [
            ("APIInteractionResponse", deferred.Body!),
            ("RESTPatchAPIInteractionOriginalResponseJSONBody", edit.Body!),
            ("APIChatInputApplicationCommandInteractionData", Start("maya-launch20")),
        ]);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Command_InCustomerChannel_EphemeralRefusalNothingRun()
    {
        await using var bot = await StartAsync();

        await _fake.DispatchAsync("INTERACTION_CREATE", Command("i-2", CustomerChannel, Start("maya-launch20")));

        var refusal = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("POST", "interactions/i-2/tok-i-2/callback")), what: "the refusal");
        Assert.Equal((4, 64), ((int?)refusal.Body!["type"], (int?)refusal.Body!["data"]!["flags"]));
        Assert.Contains("team channels only", (string?)refusal.Body!["data"]!["content"], StringComparison.Ordinal);
        Assert.Null(await _campaigns.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_RegisterCommandsConfigured_GuildCommandsOverwrittenWithValidDefinitions()
    {
        await using var bot = await StartAsync(register: true);

        var put = await Eventually.GetAsync(() => Task.FromResult(_fake.FirstTo("PUT", $"applications/{FakeDiscordServer.ApplicationId}/guilds/1/commands")), what: "the bulk overwrite");

        Assert.Equal(["campaign", "staffing"], put.Body!.AsArray().Select(c => (string)c!["name"]!));
        var (exitCode, output) = await DiscordApiTypes.CheckAsync(
        [
            ("RESTPutAPIApplicationGuildCommandsJSONBody", put.Body!),
            ("RESTPutAPIApplicationCommandsJSONBody", Switchboard.Connectors.Discord.DiscordCommands.Definitions(global: true)),
        ]);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Pin_SentMessage_PutToTheChannelPins()
    {
        await using var bot = await StartAsync();

        await bot.Connector.PinAsync(new Core.Connectors.PostedMessageRef("discord", CustomerChannel, "6001"), TestContext.Current.CancellationToken);

        Assert.NotNull(_fake.FirstTo("PUT", $"channels/{CustomerChannel}/messages/pins/6001"));
    }
}
