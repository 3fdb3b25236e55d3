using Microsoft.Extensions.Options;
using Switchboard.Analytics;
using Switchboard.Connectors.Discord;
using Switchboard.Connectors.Playground;
using Switchboard.Connectors.Slack;
using Switchboard.Connectors.Teams;
using Switchboard.Campaigns;
using Switchboard.Core.Campaigns;
using Switchboard.Connectors.Telegram;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Triage;
using Switchboard.Ingest;
using Switchboard.Speech;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Hosting;

/// <summary>
/// Composition root: configuration, one Add* call per feature, and the endpoints. With no platform tokens
/// configured it runs on its embedded defaults: SQLite and the local playground on http://127.0.0.1:5080.
/// </summary>
internal static class SwitchboardHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The app's own folder, so appsettings.json and the playground page are found wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        AddSwitchboardServices(builder.Services, builder.Configuration, runWorkers: true);
        builder.Services.AddHostedService<ConnectorReceiverWorker>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        app.MapPlayground();
        app.MapSlackEndpoints();
        app.MapTeamsEndpoints();
        app.MapTelegramWebhook();
        app.MapSignedIngest();
        app.MapCampaignCommands();
        app.MapAnalytics();
        if (app.Configuration.GetValue<bool>("Switchboard:Bench:BareEndpoint"))
        {
            // The benchmark's yardstick: read the body, return 200, nothing else.
            app.MapPost("/bench/raw", async (HttpRequest request, CancellationToken ct) =>
            {
                await SignedIngestEndpoints.ReadBodyAsync(request.BodyReader, 1_000_000, ct);
                return TypedResults.Ok();
            });
        }

        return app;
    }

    /// <summary>Every feature's services; shared by the host and the command-line verbs that run the pipeline.</summary>
    public static IServiceCollection AddSwitchboardServices(IServiceCollection services, IConfiguration configuration, bool runWorkers)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSqliteStorage();
        services.AddPlaygroundConnector();
        services.AddSlackConnector(configuration);
        services.AddTeamsConnector(configuration);
        services.AddTelegramConnector(configuration);
        services.AddDiscordConnector(configuration);
        services.AddCards();
        services.AddTriage();
        services.AddSwitchboardPipeline(runWorkers);
        services.AddCampaigns(runWorkers);
        services.AddAnalytics(runWorkers);
        services.AddSpeech();
        return services;
    }

    /// <summary>Resolves options eagerly so a bad key stops start-up with a message that names it.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
    }
}
