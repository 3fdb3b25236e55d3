using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Analytics;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the KPI engine and its SQLite store, CSAT recording, the weekly snapshot/retro publisher and,
    /// with <paramref name="runWorkers"/>, its schedule worker. Endpoints are mapped by <c>MapAnalytics</c>.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, bool runWorkers = true)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        services.AddSqliteAnalyticsStore();
        services.AddSingleton<KpiService>();
        services.TryAddSingleton<CsatRecorder>();
        services.AddSingleton<WeeklyPostPublisher>();
        services.AddSingleton<DashboardAccess>();
        if (runWorkers)
        {
            services.AddHostedService<WeeklyPostWorker>();
        }

        return services;
    }
}
