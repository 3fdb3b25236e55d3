using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Analytics;

namespace Switchboard.Storage.Sqlite;

public static class AnalyticsStorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite analytics store (KPI reads, weekly posts, retro scores).</summary>
    public static IServiceCollection AddSqliteAnalyticsStore(this IServiceCollection services)
    {
        services.AddSingleton<IAnalyticsStore, SqliteAnalyticsStore>();
        return services;
    }
}
