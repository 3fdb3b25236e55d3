using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Campaigns;

public static class CampaignsServiceCollectionExtensions
{
    /// <summary>
    /// Campaign catalog (validated at start), launch runs, chat commands and, with <paramref name="runWorkers"/>, the
    /// reminder worker. Needs an <see cref="ICampaignStore"/> (AddSqliteStorage registers it) and the pipeline's
    /// ICardComposer and OutboxSignal.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, bool runWorkers = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton(sp => new LaunchRunService(
            sp.GetRequiredService<ICampaignStore>(), sp.GetRequiredService<CampaignCatalog>(), sp.GetRequiredService<Cards.ICardComposer>(),
            sp.GetRequiredService<Sending.OutboxSignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LaunchRunService>>(),
            () => sp.GetService<Connectors.ConnectorRegistry>()));
        services.AddSingleton(sp => new CampaignCommands(
            sp.GetRequiredService<CampaignCatalog>(), sp.GetRequiredService<LaunchRunService>(), sp.GetRequiredService<ICampaignStore>(), sp.GetRequiredService<Cards.ICardComposer>(),
            sp.GetRequiredService<Sending.OutboxSignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CampaignOptions>>().Value.GoLiveWindowHours));
        services.AddSingleton(sp => new CampaignChatCommands(
            sp.GetRequiredService<CampaignCommands>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CampaignChatCommands>>(),
            sp.GetService<Governance.ActionAuthorizer>(), sp.GetService<Governance.ActorDirectory>(), sp.GetService<Storage.IAuditLogStore>()));
        services.AddSingleton<CampaignMonitor>();
        services.AddSingleton<CampaignStep>();
        if (runWorkers)
        {
            services.AddHostedService<LaunchReminderWorker>();
        }

        return services;
    }
}
