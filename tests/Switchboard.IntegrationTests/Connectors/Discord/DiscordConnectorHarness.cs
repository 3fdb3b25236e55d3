using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Discord;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>The Discord connector from the real DI registration, pointed at a <see cref="FakeDiscordServer"/>, its receive loop running.</summary>
internal sealed class DiscordConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();

    private DiscordConnectorHarness(ServiceProvider services, RecordingSink sink)
    {
        _services = services;
        Sink = sink;
        Connector = services.GetRequiredService<DiscordConnector>();
        Receiving = Connector.ReceiveAsync(sink, _stop.Token);
    }

    public DiscordConnector Connector { get; }

    public RecordingSink Sink { get; }

    public Task Receiving { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static DiscordConnectorHarness Start(FakeDiscordServer fake, IDictionary<string, string?>? extra = null, bool receive = true, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Discord:Enabled"] = "true",
            ["Switchboard:Connectors:Discord:BotToken"] = FakeDiscordServer.Token,
            ["Switchboard:Connectors:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Switchboard:Connectors:Discord:GatewayUrl"] = fake.GatewayUrl,
            ["Switchboard:Connectors:Discord:IdentifyIntervalSeconds"] = "0",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(services);
        services.AddDiscordConnector();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new DiscordConnectorHarness(provider, new RecordingSink());
        if (!receive)
        {
            harness._stop.Cancel();
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Receiving.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Switchboard.Core.Connectors.ConnectorException)
        {
            // Stopped, or already stopped for good (the test asserted that).
        }

        _stop.Dispose();
        await _services.DisposeAsync();
    }
}
