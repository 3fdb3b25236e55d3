using Microsoft.Extensions.Logging;
using Switchboard.IntegrationTests.Connectors.Telegram;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>What the real host logs about refused Teams tokens: the issuer kind and the failed check, never the token or its claims.</summary>
public sealed class TeamsLoggingTests : IAsyncLifetime
{
    private const string OtherApp = "99999999-0000-4000-8000-000000000000";
    private readonly CapturingLoggerProvider _capture = new();
    private TeamsBotHost _bot = null!;

    public async ValueTask InitializeAsync() =>
        _bot = await TeamsBotHost.StartAsync(configure: builder => builder.Logging.AddProvider(_capture));

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task PostActivity_EntraTokensRefused_LogIssuerKindAndReasonOnly()
    {
        var now = TimeProvider.System.GetUtcNow();
        var wrongAzp = _bot.Issuer.EntraTokens.Mint(now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.OwnTenant), caller: OtherApp);
        var foreign = _bot.Issuer.EntraTokens.Mint(now, TeamsEntraTestTokens.V2Issuer(TeamsEntraTestTokens.ForeignTenant));

        Assert.Equal(401, (int)(await _bot.Peer.PostWithEntraTokenAsync(TeamsBotHost.BotInstalled(), wrongAzp))["status"]!);
        Assert.Equal(401, (int)(await _bot.Peer.PostWithEntraTokenAsync(TeamsBotHost.BotInstalled(), foreign))["status"]!);

        Assert.Contains(_capture.Lines, line => line.Contains("Teams activity refused (entra token): azp_mismatch", StringComparison.Ordinal));
        Assert.Contains(_capture.Lines, line => line.Contains("Teams activity refused (unrouted token): issuer", StringComparison.Ordinal));
        foreach (var secret in new[] { wrongAzp.Split('.')[1], wrongAzp.Split('.')[2], foreign.Split('.')[2], OtherApp, TeamsEntraTestTokens.ForeignTenant })
        {
            Assert.DoesNotContain(_capture.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
