using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file (WAL journal) and applies schema migrations once, at start.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly ILogger<SqliteDatabase> _logger;
    private int _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        _logger = logger;
        var path = Path.GetFullPath(options.Value.SqlitePath);
        FilePath = path;
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _synchronous = options.Value.Synchronous;
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            // busy_timeout lets concurrent writers queue instead of failing; NORMAL in WAL mode survives a process crash.
            pragma.CommandText = $"PRAGMA busy_timeout=30000; PRAGMA synchronous={_synchronous}; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        if (Volatile.Read(ref _migrated) == 0)
        {
            await MigrateAsync(connection, cancellationToken);
        }

        return connection;
    }

    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT version FROM schema_migrations;";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var migration in SqliteMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql + "\nINSERT INTO schema_migrations(version, name, applied_at) VALUES ($v, $n, $at);";
            command.Parameters.AddWithValue("$v", migration.Version);
            command.Parameters.AddWithValue("$n", migration.Name);
            command.Parameters.AddWithValue("$at", SqliteValues.Time(TimeProvider.System.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken);
            Log.MigrationApplied(_logger, migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        Volatile.Write(ref _migrated, 1);
    }
}
