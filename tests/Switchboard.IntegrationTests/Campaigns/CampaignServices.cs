using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards;
using Switchboard.Core.Sending;
using Switchboard.Storage.Sqlite;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>The campaign services over a real SQLite file and the repo's campaigns folder, on a fake clock.</summary>
internal sealed class CampaignServices
{
    public static readonly DateTimeOffset GoLive = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    public CampaignServices(string databasePath, DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        Database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = databasePath }), NullLogger<SqliteDatabase>.Instance);
        Store = new SqliteCampaignStore(Database);
        Catalog = new CampaignCatalog(RepoPaths.InRepo("campaigns"));
        Runs = new LaunchRunService(Store, Catalog, new BuiltInCardComposer(), new OutboxSignal(), Clock, NullLogger<LaunchRunService>.Instance);
        Commands = new CampaignCommands(Catalog, Runs, Store, new BuiltInCardComposer(), new OutboxSignal(), Clock);
    }

    public FakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; }

    public SqliteCampaignStore Store { get; }

    public CampaignCatalog Catalog { get; }

    public LaunchRunService Runs { get; }

    public CampaignCommands Commands { get; }

    public Campaign Example => Catalog.Find("maya-launch20")!;

    public LaunchReminderWorker Worker(CampaignOptions? options = null) =>
        new(Runs, Options.Create(options ?? new CampaignOptions()), Clock, NullLogger<LaunchReminderWorker>.Instance);

    /// <summary>Pending card posts in the outbox: (channel JSON, card JSON), oldest first.</summary>
    public async Task<List<(string Target, string Payload)>> OutboxAsync()
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT target_json, payload_json FROM outbox WHERE kind = 'card.post' ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
