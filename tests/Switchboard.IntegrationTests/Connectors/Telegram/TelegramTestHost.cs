using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// The connector's real DI graph pointed at a Bot API on loopback (the emulator or the fake), with a receive loop
/// that tests start and stop. Disposing stops receiving and waits for the loop to end.
/// </summary>
internal sealed class TelegramTestHost : IAsyncDisposable
{
    public const long TeamChat = -1002000;
    public const long CustomerGroup = -1003000;

    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;

    private TelegramTestHost(ServiceProvider services)
    {
        Services = services;
        Connector = services.GetRequiredService<IChatConnector>();
    }

    public ServiceProvider Services { get; }

    public IChatConnector Connector { get; }

    public static Dictionary<string, string?> Settings(string apiBaseUrl, string token) => new()
    {
        ["Switchboard:Connectors:Telegram:Enabled"] = "true",
        ["Switchboard:Connectors:Telegram:BotToken"] = token,
        ["Switchboard:Connectors:Telegram:ApiBaseUrl"] = apiBaseUrl,
        ["Switchboard:Connectors:Telegram:PollTimeoutSeconds"] = "1",
        ["Switchboard:Connectors:Telegram:TeamChats:0"] = TeamChat.ToString(CultureInfo.InvariantCulture),
        ["Switchboard:Connectors:Telegram:CustomerChats:0"] = CustomerGroup.ToString(CultureInfo.InvariantCulture),
        ["Switchboard:Connectors:Telegram:PerChatMessagesPerSecond"] = "50",
        ["Switchboard:Connectors:Telegram:PerGroupMessagesPerMinute"] = "6000",
    };

    public static TelegramTestHost Create(
        Dictionary<string, string?> settings,
        ITelegramOffsetStore? offsetStore = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(offsetStore ?? new InMemoryTelegramOffsetStore());
        configure?.Invoke(services);
        services.AddTelegramConnector(configuration);
        return new TelegramTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public void StartReceiving(IInboundSink sink) => _receiving = Connector.ReceiveAsync(sink, _stop.Token);

    /// <summary>Stops receiving at once, like a process being killed; the loop writes nothing after this.</summary>
    public void Kill() => _stop.Cancel();

    public async Task StopReceivingAsync()
    {
        await _stop.CancelAsync();
        if (_receiving is not null)
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopReceivingAsync();
        await Services.DisposeAsync();
        _stop.Dispose();
    }
}
