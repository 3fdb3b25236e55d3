using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite stores (the embedded default) behind the Core storage interfaces.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<ICaseStore, SqliteCaseStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IPlaygroundFeedStore, SqlitePlaygroundFeedStore>();
        services.AddSingleton<IAuditLogStore, SqliteAuditLog>();
        services.AddSingleton<ITeamsConversationStore, SqliteTeamsConversationStore>();
        services.AddSingleton<IPendingEditStore, SqlitePendingEditStore>();
        services.AddSingleton<Core.Campaigns.ICampaignStore, SqliteCampaignStore>();
        return services;
    }
}
