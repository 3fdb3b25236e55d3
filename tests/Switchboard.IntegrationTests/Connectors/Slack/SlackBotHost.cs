using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>The bot as the host will compose it: AddSlackConnector, MapSlackEndpoints, a receive worker, and the loopback sink.</summary>
internal sealed class SlackBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SlackBotHost(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public LoopbackReviewSink Sink => _app.Services.GetRequiredService<LoopbackReviewSink>();

    public SlackReceiveWorker Receiver => _app.Services.GetServices<IHostedService>().OfType<SlackReceiveWorker>().Single();

    public async Task<HealthStatus> ReadinessAsync(CancellationToken cancellationToken) =>
        (await _app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"), cancellationToken)).Status;

    /// <summary>Polls readiness (bounded) until it reports <paramref name="expected"/>; returns the last status seen.</summary>
    public async Task<HealthStatus> WaitForReadinessAsync(HealthStatus expected, CancellationToken cancellationToken)
    {
        var status = await ReadinessAsync(cancellationToken);
        for (var waited = 0; status != expected && waited < 5_000; waited += 20)
        {
            await Task.Delay(20, cancellationToken);
            status = await ReadinessAsync(cancellationToken);
        }

        return status;
    }

    public IChatConnector Connector => _app.Services.GetServices<IChatConnector>().Single(c => c.Name == "slack");

    public static Task<SlackBotHost> StartAsync(FakeSlackServer slack, SlackMode mode, CancellationToken cancellationToken, params (string Key, string Value)[] overrides) =>
        StartAsync(slack, mode, null, cancellationToken, overrides);

    /// <param name="services">Extra registrations (the campaign commands, for the slash-command tests).</param>
    public static async Task<SlackBotHost> StartAsync(FakeSlackServer slack, SlackMode mode, Action<IServiceCollection>? services, CancellationToken cancellationToken, params (string Key, string Value)[] overrides)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            [SlackOptions.Section + ":Enabled"] = "true",
            [SlackOptions.Section + ":Mode"] = mode.ToString(),
            [SlackOptions.Section + ":BotToken"] = FakeSlackServer.BotToken,
            [SlackOptions.Section + ":SigningSecret"] = FakeSlackServer.SigningSecret,
            [SlackOptions.Section + ":AppToken"] = FakeSlackServer.AppToken,
            [SlackOptions.Section + ":ApiBaseUrl"] = slack.ApiBaseUrl,
            [SlackOptions.Section + ":CustomerChannels:0"] = "CCUST",
            [SlackOptions.Section + ":TeamChannels:0"] = LoopbackReviewSink.TeamChannel,
            [SlackOptions.Section + ":ReconnectBaseDelayMs"] = "50",
            [SlackOptions.Section + ":ReconnectMaxDelayMs"] = "500",
        };
        foreach (var (key, value) in overrides)
        {
            settings[SlackOptions.Section + ":" + key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSlackConnector(builder.Configuration);
        builder.Services.AddSingleton<LoopbackReviewSink>();
        builder.Services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<LoopbackReviewSink>());
        builder.Services.AddHostedService<SlackReceiveWorker>();
        builder.Services.AddHostedService<LoopbackPipelineWorker>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlackEndpoints();
        var host = new SlackBotHost(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
