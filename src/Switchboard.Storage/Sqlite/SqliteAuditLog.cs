using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>The audit log table: appended inside case commits (or alone for steps of no case), read in order for verification and export.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database, TimeProvider time) : IAuditLogStore
{
    private const string Columns = "seq, at, actor, action, case_id, before_json, after_json, rule_or_model, prev_hash, hash";

    public async Task AppendAsync(AuditEntryDraft entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        // An immediate transaction: the head read and the insert must not interleave with a case commit's.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var head = await ReadHeadAsync(connection, transaction, cancellationToken);
        await InsertAsync(connection, transaction, AuditChain.Append(head, entry, time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY seq;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    internal static async Task<AuditEntry?> ReadHeadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY seq DESC LIMIT 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO audit_log({Columns}) VALUES ($s, $at, $actor, $action, $case, $before, $after, $rule, $prev, $hash);";
        insert.Parameters.AddWithValue("$s", entry.Seq);
        insert.Parameters.AddWithValue("$at", SqliteValues.Time(entry.At));
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.Add("$case", SqliteValues.OrNull(entry.CaseId));
        insert.Parameters.Add("$before", SqliteValues.OrNull(entry.Before));
        insert.Parameters.Add("$after", SqliteValues.OrNull(entry.After));
        insert.Parameters.Add("$rule", SqliteValues.OrNull(entry.RuleOrModel));
        insert.Parameters.AddWithValue("$prev", entry.PrevHash);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static AuditEntry Read(SqliteDataReader r) =>
        new(r.GetInt64(0), SqliteValues.ReadTime(r, 1), r.GetString(2), r.GetString(3), SqliteValues.ReadInt64OrNull(r, 4),
            SqliteValues.ReadStringOrNull(r, 5), SqliteValues.ReadStringOrNull(r, 6), SqliteValues.ReadStringOrNull(r, 7), r.GetString(8), r.GetString(9));
}
