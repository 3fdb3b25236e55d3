using Microsoft.Data.Sqlite;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>Launch runs, reminders and clarifications in SQLite (migration 11), and the report's reads of the case tables.</summary>
internal sealed class SqliteCampaignStore(SqliteDatabase database) : ICampaignStore
{
    public async Task<LaunchRun> StartRunAsync(LaunchRunStart start, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        long runId;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO launch_runs(campaign, go_live, started_by, started_at, connector, channel_id)
                VALUES ($c, $g, $b, $at, $conn, $ch) RETURNING id;
                """;
            insert.Parameters.AddWithValue("$c", start.Campaign);
            insert.Parameters.AddWithValue("$g", SqliteValues.Time(start.GoLive));
            insert.Parameters.AddWithValue("$b", start.StartedBy);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(start.At));
            insert.Parameters.AddWithValue("$conn", start.Connector);
            insert.Parameters.AddWithValue("$ch", start.ChannelId);
            runId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        foreach (var task in start.Tasks)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO launch_run_tasks(run_id, task_id, state, done_token, blocked_token) VALUES ($r, $t, $s, $d, $bl);";
            insert.Parameters.AddWithValue("$r", runId);
            insert.Parameters.AddWithValue("$t", task.TaskId);
            insert.Parameters.AddWithValue("$s", task.State);
            insert.Parameters.AddWithValue("$d", task.DoneToken);
            insert.Parameters.AddWithValue("$bl", task.BlockedToken);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var checklist = (await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [start.ChecklistCard(runId)], start.At, cancellationToken))[0];
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE launch_runs SET checklist_outbox_id = $o WHERE id = $r;";
            update.Parameters.AddWithValue("$o", checklist);
            update.Parameters.AddWithValue("$r", runId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ReadRunAsync(connection, null, runId, cancellationToken))!;
    }

    public async Task<LaunchRun?> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadRunAsync(connection, null, runId, cancellationToken);
    }

    public async Task<LaunchRun?> FindLatestRunAsync(string campaign, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM launch_runs WHERE campaign = $c ORDER BY id DESC LIMIT 1;";
        command.Parameters.AddWithValue("$c", campaign);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? await ReadRunAsync(connection, null, id, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<LaunchRun>> ListActiveRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            // The latest run per campaign: an older run of the same campaign is superseded and must not remind.
            command.CommandText = "SELECT MAX(id) FROM launch_runs GROUP BY campaign ORDER BY 1;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var runs = new List<LaunchRun>(ids.Count);
        foreach (var id in ids)
        {
            runs.Add((await ReadRunAsync(connection, null, id, cancellationToken))!);
        }

        return runs;
    }

    public async Task<LaunchTokenTarget?> ResolveTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, task_id, CASE WHEN done_token = $t THEN 'done' ELSE 'blocked' END
            FROM launch_run_tasks WHERE done_token = $t OR blocked_token = $t;
            """;
        command.Parameters.AddWithValue("$t", token);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new LaunchTokenTarget(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task SetTaskStateAsync(long runId, string taskId, string state, string by, DateTimeOffset at, Func<LaunchRun, OutboxItemDraft> card, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE launch_run_tasks SET state = $s, by = $b, at = $at WHERE run_id = $r AND task_id = $t;";
            update.Parameters.AddWithValue("$s", state);
            update.Parameters.AddWithValue("$b", by);
            update.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            update.Parameters.AddWithValue("$r", runId);
            update.Parameters.AddWithValue("$t", taskId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var run = await ReadRunAsync(connection, transaction, runId, cancellationToken)
            ?? throw new InvalidOperationException($"launch run {runId} does not exist");
        await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [card(run)], at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RecordReminderAsync(long runId, string key, DateTimeOffset at, IReadOnlyList<OutboxItemDraft> posts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO launch_run_reminders(run_id, key, sent_at) VALUES ($r, $k, $at);";
            insert.Parameters.AddWithValue("$r", runId);
            insert.Parameters.AddWithValue("$k", key);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await SqliteOutboxWriter.InsertAsync(connection, transaction, null, posts, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task EnqueueAsync(OutboxItemDraft post, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [post], at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<CampaignClarification> AddClarificationAsync(string campaign, string clusterKey, string text, int askCount, DateTimeOffset at, string? pinToken = null, OutboxItemDraft? card = null, ChannelAddress? source = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        long id;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO campaign_clarifications(campaign, cluster_key, text, ask_count, status, created_at, pin_token, source_connector, source_channel_id)
                VALUES ($c, $k, $t, $n, 'suggested', $at, $p, $sc, $sch) RETURNING id;
                """;
            insert.Parameters.AddWithValue("$c", campaign);
            insert.Parameters.AddWithValue("$k", clusterKey);
            insert.Parameters.AddWithValue("$t", text);
            insert.Parameters.AddWithValue("$n", askCount);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            insert.Parameters.Add("$p", SqliteValues.OrNull(pinToken));
            insert.Parameters.Add("$sc", SqliteValues.OrNull(source?.Connector));
            insert.Parameters.Add("$sch", SqliteValues.OrNull(source?.ChannelId));
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        if (card is not null)
        {
            await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [card], at, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CampaignClarification(id, campaign, clusterKey, text, askCount, "suggested", at, null, source);
    }

    public async Task<CampaignClarification?> FindClarificationByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ClarificationColumns} FROM campaign_clarifications WHERE pin_token = $t;";
        command.Parameters.AddWithValue("$t", token);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadClarification(reader) : null;
    }

    public async Task<IReadOnlySet<string>> ClarificationKeysAsync(string campaign, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT cluster_key FROM campaign_clarifications WHERE campaign = $c;";
        command.Parameters.AddWithValue("$c", campaign);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task MarkClarificationPinnedAsync(long id, DateTimeOffset at, string? by = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE campaign_clarifications SET status = 'pinned', pinned_at = $at, pinned_by = $b WHERE id = $id;";
        update.Parameters.AddWithValue("$at", SqliteValues.Time(at));
        update.Parameters.Add("$b", SqliteValues.OrNull(by));
        update.Parameters.AddWithValue("$id", id);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ApproveClarificationAsync(long id, DateTimeOffset at, string by, string status, string note, OutboxItemDraft send, Func<long, OutboxItemDraft>? pin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var claim = connection.CreateCommand())
        {
            // Claim first: a second press (or a retried one) must not send the clarification twice.
            claim.Transaction = transaction;
            claim.CommandText = "UPDATE campaign_clarifications SET status = $s, pinned_at = $at, pinned_by = $b, pin_note = $n WHERE id = $id AND status = 'suggested';";
            claim.Parameters.AddWithValue("$s", status);
            claim.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            claim.Parameters.AddWithValue("$b", by);
            claim.Parameters.AddWithValue("$n", note);
            claim.Parameters.AddWithValue("$id", id);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        var sendId = (await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [send], at, cancellationToken))[0];
        long? pinId = pin is null ? null : (await SqliteOutboxWriter.InsertAsync(connection, transaction, null, [pin(sendId)], at, cancellationToken))[0];
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE campaign_clarifications SET send_outbox_id = $so, pin_outbox_id = $po WHERE id = $id;";
            update.Parameters.AddWithValue("$so", sendId);
            update.Parameters.Add("$po", SqliteValues.OrNull(pinId));
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<CampaignClarification>> ListClarificationsAsync(string campaign, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadClarificationsAsync(connection, campaign, cancellationToken);
    }

    private const string ClarificationColumns = "id, campaign, cluster_key, text, ask_count, status, created_at, pinned_at, source_connector, source_channel_id, pin_outbox_id, pin_note";

    private static async Task<List<CampaignClarification>> ReadClarificationsAsync(SqliteConnection connection, string campaign, CancellationToken cancellationToken)
    {
        var clarifications = new List<CampaignClarification>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ClarificationColumns} FROM campaign_clarifications WHERE campaign = $c ORDER BY id;";
        command.Parameters.AddWithValue("$c", campaign);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clarifications.Add(ReadClarification(reader));
        }

        return clarifications;
    }

    private static CampaignClarification ReadClarification(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetInt32(4), reader.GetString(5), SqliteValues.ReadTime(reader, 6), SqliteValues.ReadTimeOrNull(reader, 7),
            SqliteValues.ReadStringOrNull(reader, 8) is { } connector && SqliteValues.ReadStringOrNull(reader, 9) is { } channel ? new ChannelAddress(connector, channel) : null,
            SqliteValues.ReadInt64OrNull(reader, 10), SqliteValues.ReadStringOrNull(reader, 11));

    public async Task<CampaignReportData> ReadReportDataAsync(string campaign, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var messages = new List<ReportMessage>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, sent_at, platform, case_id, author_handle, COALESCE(transcript, text), connector, channel_id, thread_id, is_public
                FROM messages WHERE sent_at >= $f AND sent_at < $u ORDER BY sent_at, id;
                """;
            command.Parameters.AddWithValue("$f", SqliteValues.Time(from));
            command.Parameters.AddWithValue("$u", SqliteValues.Time(until));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new ReportMessage(reader.GetInt64(0), SqliteValues.ReadTime(reader, 1), reader.GetString(2),
                    SqliteValues.ReadInt64OrNull(reader, 3), SqliteValues.ReadStringOrNull(reader, 4), reader.GetString(5),
                    new ChannelAddress(reader.GetString(6), reader.GetString(7), SqliteValues.ReadStringOrNull(reader, 8)), reader.GetInt64(9) != 0));
            }
        }

        var cases = new List<ReportCase>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, platform, intent, status, opened_at, first_response_due_at, first_responded_at, resolution_due_at, resolved_at
                FROM cases WHERE opened_at >= $f AND opened_at < $u ORDER BY id;
                """;
            command.Parameters.AddWithValue("$f", SqliteValues.Time(from));
            command.Parameters.AddWithValue("$u", SqliteValues.Time(until));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                cases.Add(new ReportCase(reader.GetInt64(0), reader.GetString(1), SqliteValues.ReadStringOrNull(reader, 2), reader.GetString(3),
                    SqliteValues.ReadTime(reader, 4), SqliteValues.ReadTimeOrNull(reader, 5), SqliteValues.ReadTimeOrNull(reader, 6),
                    SqliteValues.ReadTimeOrNull(reader, 7), SqliteValues.ReadTimeOrNull(reader, 8)));
            }
        }

        var clarifications = await ReadClarificationsAsync(connection, campaign, cancellationToken);
        return new CampaignReportData(messages, cases, clarifications);
    }

    private static async Task<LaunchRun?> ReadRunAsync(SqliteConnection connection, SqliteTransaction? transaction, long runId, CancellationToken cancellationToken)
    {
        string campaign, startedBy, connector, channel;
        DateTimeOffset goLive, startedAt;
        long? checklistOutboxId;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT campaign, go_live, started_by, started_at, connector, channel_id, checklist_outbox_id FROM launch_runs WHERE id = $r;";
            command.Parameters.AddWithValue("$r", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (campaign, goLive, startedBy, startedAt, connector, channel, checklistOutboxId) =
                (reader.GetString(0), SqliteValues.ReadTime(reader, 1), reader.GetString(2), SqliteValues.ReadTime(reader, 3), reader.GetString(4), reader.GetString(5),
                 SqliteValues.ReadInt64OrNull(reader, 6));
        }

        var tasks = new List<LaunchTask>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT task_id, state, by, at, done_token, blocked_token FROM launch_run_tasks WHERE run_id = $r ORDER BY rowid;";
            command.Parameters.AddWithValue("$r", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tasks.Add(new LaunchTask(reader.GetString(0), reader.GetString(1), SqliteValues.ReadStringOrNull(reader, 2),
                    SqliteValues.ReadTimeOrNull(reader, 3), reader.GetString(4), reader.GetString(5)));
            }
        }

        var reminders = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT key FROM launch_run_reminders WHERE run_id = $r;";
            command.Parameters.AddWithValue("$r", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                reminders.Add(reader.GetString(0));
            }
        }

        return new LaunchRun(runId, campaign, goLive, startedBy, startedAt, new ChannelAddress(connector, channel), tasks, reminders, checklistOutboxId);
    }
}
