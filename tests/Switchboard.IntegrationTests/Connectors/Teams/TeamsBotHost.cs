using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Switchboard.Connectors.Teams;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>
/// The real host with the Teams connector on (single-tenant: <see cref="TeamsEntraTestTokens.OwnTenant"/>), the loopback issuer and the JS SDK peer. Finance review cards go
/// to the playground and to the Teams channel aliased "finance-review"; Dana's Entra object id is a finance lead.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    public const string FinanceConversation = "19:finance@thread.tacv2";
    public const string DanaAad = "aad-dana";

    private readonly Dictionary<string, string?> _settings;

    private TeamsBotHost(TempFolder folder, TeamsLoopbackIssuer issuer, TestHost host, TeamsPeer peer, Dictionary<string, string?> settings)
    {
        Folder = folder;
        Issuer = issuer;
        Host = host;
        Peer = peer;
        _settings = settings;
    }

    public TempFolder Folder { get; }

    public TeamsLoopbackIssuer Issuer { get; }

    public TestHost Host { get; private set; }

    public TeamsPeer Peer { get; }

    public static async Task<TeamsBotHost> StartAsync(IDictionary<string, string?>? extra = null, Action<WebApplicationBuilder>? configure = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = new TempFolder();
        var issuer = await TeamsLoopbackIssuer.StartAsync(ct);
        var teamsYaml = (await File.ReadAllTextAsync(RepoPaths.InRepo("config", "teams.yaml"), ct)).Replace(
            "      - { connector: playground, channelId: review-finance }\n",
            "      - { connector: playground, channelId: review-finance }\n      - { connector: teams, channelId: finance-review }\n",
            StringComparison.Ordinal);
        Assert.Contains("finance-review", teamsYaml, StringComparison.Ordinal);
        var teamsPath = folder.File("teams.yaml");
        await File.WriteAllTextAsync(teamsPath, teamsYaml, ct);
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Routing:TeamsPath"] = teamsPath,
            [TeamsOptions.Section + ":Enabled"] = "true",
            [TeamsOptions.Section + ":AppId"] = TeamsTestTokens.AppId,
            [TeamsOptions.Section + ":AppPassword"] = TeamsLoopbackIssuer.AppPassword,
            [TeamsOptions.Section + ":OpenIdMetadataUrl"] = issuer.MetadataUrl,
            [TeamsOptions.Section + ":TokenEndpoint"] = issuer.TokenEndpoint,
            [TeamsOptions.Section + ":EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrl,
            [TeamsOptions.Section + ":TenantId"] = TeamsEntraTestTokens.OwnTenant,
            [TeamsOptions.Section + ":ChannelAliases:finance-review"] = FinanceConversation,
            ["Switchboard:Governance:Members:40:Actor"] = "teams:" + DanaAad,
            ["Switchboard:Governance:Members:40:Roles:0"] = "finance_lead",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await TestHost.StartAsync(folder.File("sb.db"), settings, configure);
        var peer = await TeamsPeer.StartAsync(issuer.Base, host.BaseAddress, ct);
        return new TeamsBotHost(folder, issuer, host, peer, settings);
    }

    /// <summary>Stops the host and starts a new one on the same database (the peer keeps posting to the old address).</summary>
    public async Task RestartHostAsync()
    {
        var databasePath = Host.DatabasePath;
        await Host.DisposeAsync();
        Host = await TestHost.StartAsync(databasePath, _settings);
    }

    /// <summary>The activity Teams sends when the bot is added to the finance channel.</summary>
    public static JsonObject BotInstalled() => JsonNode.Parse($$$"""
        {"type":"conversationUpdate","id":"{{{Guid.NewGuid():N}}}",
         "from":{"id":"29:installer","aadObjectId":"aad-installer"},
         "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"},
         "conversation":{"id":"{{{FinanceConversation}}}","conversationType":"channel","isGroup":true,"tenantId":"tenant-1"},
         "membersAdded":[{"id":"28:{{{TeamsTestTokens.AppId}}}"}],
         "channelData":{"tenant":{"id":"tenant-1"},"team":{"id":"{{{FinanceConversation}}}"},"eventType":"teamMemberAdded"}}
        """)!.AsObject();

    /// <summary>The invoke Teams sends when someone clicks an Action.Execute button on a card in the finance channel.</summary>
    public static JsonObject ActionExecute(string verb, string token, string aadObjectId, string name, string replyToId) => JsonNode.Parse($$$"""
        {"type":"invoke","name":"adaptiveCard/action","id":"{{{Guid.NewGuid():N}}}","replyToId":"{{{replyToId}}}",
         "from":{"id":"29:{{{name}}}","name":"{{{name}}}","aadObjectId":"{{{aadObjectId}}}"},
         "recipient":{"id":"28:{{{TeamsTestTokens.AppId}}}","name":"Switchboard"},
         "conversation":{"id":"{{{FinanceConversation}}};messageid={{{replyToId}}}","conversationType":"channel","isGroup":true,"tenantId":"tenant-1"},
         "value":{"action":{"type":"Action.Execute","verb":"{{{verb}}}","data":{"token":"{{{token}}}"}},"trigger":"manual"}}
        """)!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
        Folder.Dispose();
    }
}
