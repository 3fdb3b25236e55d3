using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>The one place outbox rows are written, inside the caller's transaction (case commits, SLA alerts, campaign and analytics posts).</summary>
internal static class SqliteOutboxWriter
{
    /// <returns>The new items' ids, in order (a later item may target an earlier one, as a pin targets its send).</returns>
    public static async Task<IReadOnlyList<long>> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, long? caseId, IEnumerable<OutboxItemDraft> items, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var item in items)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO outbox(case_id, kind, connector, target_json, payload_json, card_kind, status, attempts, next_attempt_at, created_at)
                VALUES ($c, $k, $conn, $t, $p, $ck, 'pending', 0, $at, $at) RETURNING id;
                """;
            insert.Parameters.Add("$c", SqliteValues.OrNull(caseId));
            insert.Parameters.AddWithValue("$k", item.Kind);
            insert.Parameters.AddWithValue("$conn", item.Connector);
            insert.Parameters.AddWithValue("$t", item.TargetJson);
            insert.Parameters.AddWithValue("$p", item.PayloadJson);
            insert.Parameters.Add("$ck", SqliteValues.OrNull(item.CardKind));
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }
}
