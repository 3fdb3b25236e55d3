using Microsoft.Extensions.Logging;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>The connector under the real host's receiver supervisor.</summary>
public sealed class DiscordHostTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FakeDiscordServer _fake = null!;

    public async ValueTask InitializeAsync() => _fake = await FakeDiscordServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _fake.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Host_BadTokenClose4004_StopsOnlyTheDiscordReceiver()
    {
        _fake.CloseOnIdentify = 4004;
        var logs = new CapturingLoggerProvider();

        await using var host = await TestHost.StartAsync(_folder.File("sb.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:Enabled"] = "true",
            // REST still accepts it: this test is about the gateway's 4004 path.
            ["Switchboard:Connectors:Discord:BotToken"] = FakeDiscordServer.Token,
            ["Switchboard:Connectors:Discord:ApiBaseUrl"] = _fake.ApiBaseUrl,
            ["Switchboard:Connectors:Discord:GatewayUrl"] = _fake.GatewayUrl,
        }, builder => builder.Logging.AddProvider(logs));

        var stopped = await Eventually.GetAsync(
            () => Task.FromResult<string?>(logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Critical && e.Message.Contains("stopped for good", StringComparison.Ordinal)).Message),
            what: "the critical log");
        Assert.Contains("discord", stopped, StringComparison.Ordinal);
        Assert.Contains("4004", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordServer.Token, string.Join('\n', logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        Assert.Equal(1, _fake.Connections);
        var health = await host.Http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Host_EnabledWithoutToken_StartupFailsNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(_folder.File("sb2.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:Enabled"] = "true",
            ["Switchboard:Connectors:Discord:GatewayUrl"] = _fake.GatewayUrl,
        }));

        Assert.Contains("BotToken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fake.Connections);
    }
}
