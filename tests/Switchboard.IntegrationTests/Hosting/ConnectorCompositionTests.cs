using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Hosting;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Hosting;

/// <summary>
/// The host's service graph with every chat connector enabled: connectors take the campaign commands, which reach the
/// connector registry; that must resolve (no cycle, no hang).
/// </summary>
public sealed class ConnectorCompositionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Resolve_AllConnectorsEnabled_RegistryAndCommandsResolveWithoutACycle()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchboard:Storage:SqlitePath"] = _folder.File("compose.db"),
            ["Switchboard:Connectors:Slack:Enabled"] = "true",
            ["Switchboard:Connectors:Slack:BotToken"] = "xoxb-compose",
            ["Switchboard:Connectors:Slack:SigningSecret"] = "compose-secret",
            ["Switchboard:Connectors:Telegram:Enabled"] = "true",
            ["Switchboard:Connectors:Telegram:BotToken"] = "400001:ComposeTokenComposeTokenComposeTok",
            ["Switchboard:Connectors:Discord:Enabled"] = "true",
            ["Switchboard:Connectors:Discord:BotToken"] = "compose-token",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production", ApplicationName = "switchboard" });
        SwitchboardHost.AddSwitchboardServices(services, configuration, runWorkers: false);
        await using var provider = services.BuildServiceProvider();

        var names = await Task.Run(() => provider.GetRequiredService<ConnectorRegistry>().All.Select(c => c.Name).Order(StringComparer.Ordinal).ToList(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(["discord", "playground", "slack", "telegram"], names);
        Assert.NotNull(provider.GetRequiredService<CampaignChatCommands>());
    }
}
