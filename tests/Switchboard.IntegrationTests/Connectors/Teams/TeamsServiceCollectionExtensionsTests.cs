using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Teams;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>How the host starts with the Teams connector configured in different ways.</summary>
public sealed class TeamsServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StartHost_EnabledWithoutAppId_FailsClosed()
    {
        var settings = new Dictionary<string, string?> { [TeamsOptions.Section + ":Enabled"] = "true" };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(_folder.File("a.db"), settings));

        Assert.Contains(ex.Failures, f => f.Contains("AppId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartHost_Disabled_NoMessagingEndpoint()
    {
        await using var host = await TestHost.StartAsync(_folder.File("b.db"));

        var response = await host.Http.PostAsync("/api/messages", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartHost_DevelopmentModeFromLoopback_AcceptsUnauthenticatedActivity()
    {
        var settings = new Dictionary<string, string?>
        {
            [TeamsOptions.Section + ":Enabled"] = "true",
            [TeamsOptions.Section + ":DevelopmentModeWithoutAuth"] = "true",
        };
        await using var host = await TestHost.StartAsync(_folder.File("c.db"), settings);
        const string activity = """
            {"type":"conversationUpdate","id":"cu-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",
             "conversation":{"id":"a:1"},"recipient":{"id":"bot"}}
            """;

        var response = await host.Http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartHost_EntraMetadataNotHttps_FailsClosed()
    {
        var settings = new Dictionary<string, string?>
        {
            [TeamsOptions.Section + ":Enabled"] = "true",
            [TeamsOptions.Section + ":AppId"] = "app",
            [TeamsOptions.Section + ":AppPassword"] = "secret",
            [TeamsOptions.Section + ":EntraOpenIdMetadataUrl"] = "http://login.example.com/common/v2.0/.well-known/openid-configuration",
        };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(_folder.File("d.db"), settings));

        Assert.Contains(ex.Failures, f => f.Contains("EntraOpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartHost_Enabled_OneSigningKeyCachePerIssuerKind()
    {
        var settings = new Dictionary<string, string?>
        {
            [TeamsOptions.Section + ":Enabled"] = "true",
            [TeamsOptions.Section + ":AppId"] = "app",
            [TeamsOptions.Section + ":AppPassword"] = "secret",
        };
        await using var host = await TestHost.StartAsync(_folder.File("e.db"), settings);

        var channel = host.Services.GetRequiredKeyedService<TeamsSigningKeys>(TeamsTokenIssuerKind.BotConnector);
        var entra = host.Services.GetRequiredKeyedService<TeamsSigningKeys>(TeamsTokenIssuerKind.Entra);

        Assert.NotSame(channel, entra);
        Assert.Same(entra, host.Services.GetRequiredKeyedService<TeamsSigningKeys>(TeamsTokenIssuerKind.Entra));
        Assert.NotNull(host.Get<TeamsRequestAuthenticator>());
    }
}
