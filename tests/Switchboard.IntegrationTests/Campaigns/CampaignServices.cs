using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards;
using Switchboard.Core.Governance;
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
        Audit = new SqliteAuditLog(Database, Clock);
    }

    public SqliteAuditLog Audit { get; }

    public FakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; }

    public SqliteCampaignStore Store { get; }

    public CampaignCatalog Catalog { get; }

    public LaunchRunService Runs { get; }

    public CampaignCommands Commands { get; }

    public Campaign Example => Catalog.Find("maya-launch20")!;

    /// <summary>The connectors' command front door with the repo's roles file and these members ("{connector}:{user id}" → roles).</summary>
    public CampaignChatCommands ChatCommands(params (string Actor, string[] Roles)[] members)
    {
        var provider = new ServiceCollection()
            .AddOptions<GovernanceOptions>().Configure(o => o.Members = members.Select(m => new GovernanceMember { Actor = m.Actor, Roles = [.. m.Roles] }).ToList()).Services
            .BuildServiceProvider();
        return new CampaignChatCommands(Commands, NullLogger<CampaignChatCommands>.Instance,
            new ActionAuthorizer(RoleCatalogLoader.LoadFile(RepoPaths.InRepo("config", "roles.yaml"))),
            new ActorDirectory(provider.GetRequiredService<IOptionsMonitor<GovernanceOptions>>()),
            Audit);
    }

    public LaunchReminderWorker Worker(CampaignOptions? options = null) =>
        new(Runs, Options.Create(options ?? new CampaignOptions()), Clock, NullLogger<LaunchReminderWorker>.Instance);

    /// <summary>Outbox items of one kind (card posts unless told): (target JSON, payload JSON), oldest first.</summary>
    public async Task<List<(string Target, string Payload)>> OutboxAsync(string kind = "card.post")
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT target_json, payload_json FROM outbox WHERE kind = $k ORDER BY id;";
        command.Parameters.AddWithValue("$k", kind);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Stores samples/launch-day.jsonl as messages received through <paramref name="connector"/> in <paramref name="channel"/>.</summary>
    public async Task StoreLaunchReplayAsync(string connector = "playground", string channel = "c")
    {
        var id = 0;
        foreach (var line in File.ReadLines(RepoPaths.InRepo("samples", "launch-day.jsonl")))
        {
            var e = System.Text.Json.JsonDocument.Parse(line).RootElement;
            var ts = e.GetProperty("ts").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var text = e.GetProperty("text").GetString()!.Replace("'", "''", StringComparison.Ordinal);
            await ExecuteAsync($"""
                INSERT INTO messages(connector, platform, platform_message_id, channel_id, conversation_id, author_id, author_handle, text, is_public, sent_at, received_at)
                VALUES ('{connector}', '{e.GetProperty("platform").GetString()}', 'r{id++}', '{channel}', '{channel}', 'a', '{e.GetProperty("author").GetString()}', '{text}', 1, '{ts}', '{ts}');
                """);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
