using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>The outbox and the card-post ledger in SQLite.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxItem>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, case_id, kind, connector, target_json, payload_json, card_kind, status, attempts, next_attempt_at, created_at
            FROM outbox WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<OutboxItem>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new OutboxItem(r.GetInt64(0), SqliteValues.ReadInt64OrNull(r, 1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetString(5), SqliteValues.ReadStringOrNull(r, 6), r.GetString(7), r.GetInt32(8), SqliteValues.ReadTime(r, 9),
                SqliteValues.ReadTime(r, 10)));
        }

        return items;
    }

    public async Task MarkSentAsync(long outboxId, CardPost? landed, string? resultJson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE outbox SET status = 'sent', sent_at = $at, attempts = attempts + 1, result_json = $r, last_error = NULL WHERE id = $id;";
            update.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            update.Parameters.Add("$r", SqliteValues.OrNull(resultJson));
            update.Parameters.AddWithValue("$id", outboxId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (landed is not null)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO card_posts(case_id, card_kind, connector, channel_id, platform_message_id, outbox_id, posted_at)
                VALUES ($c, $k, $conn, $ch, $pm, $o, $at) ON CONFLICT(outbox_id) DO NOTHING;
                """;
            insert.Parameters.AddWithValue("$c", landed.CaseId);
            insert.Parameters.AddWithValue("$k", landed.CardKind);
            insert.Parameters.AddWithValue("$conn", landed.Connector);
            insert.Parameters.AddWithValue("$ch", landed.ChannelId);
            insert.Parameters.AddWithValue("$pm", landed.PlatformMessageId);
            insert.Parameters.AddWithValue("$o", outboxId);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long outboxId, string error, DateTimeOffset nextAttemptAt, bool dead, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET attempts = attempts + 1, last_error = $e, next_attempt_at = $n, status = $s WHERE id = $id;";
        command.Parameters.AddWithValue("$e", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue("$n", SqliteValues.Time(nextAttemptAt));
        command.Parameters.AddWithValue("$s", dead ? "dead" : "pending");
        command.Parameters.AddWithValue("$id", outboxId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CardPost>> GetCardPostsAsync(long caseId, string cardKind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_id, card_kind, connector, channel_id, platform_message_id FROM card_posts WHERE case_id = $c AND card_kind = $k ORDER BY id;";
        command.Parameters.AddWithValue("$c", caseId);
        command.Parameters.AddWithValue("$k", cardKind);
        var posts = new List<CardPost>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            posts.Add(new CardPost(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        }

        return posts;
    }

    public async Task<OutboxResult?> GetResultAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, result_json FROM outbox WHERE id = $id;";
        command.Parameters.AddWithValue("$id", outboxId);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? new OutboxResult(r.GetString(0), SqliteValues.ReadStringOrNull(r, 1)) : null;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM outbox GROUP BY status;";
        var counts = new Dictionary<string, int>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            counts[r.GetString(0)] = r.GetInt32(1);
        }

        return counts;
    }

    public async Task<bool> HasPendingAsync(long caseId, string kind, long beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS(SELECT 1 FROM outbox WHERE case_id = $c AND kind = $k AND status = 'pending' AND id < $b);";
        command.Parameters.AddWithValue("$c", caseId);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$b", beforeId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! != 0;
    }
}
