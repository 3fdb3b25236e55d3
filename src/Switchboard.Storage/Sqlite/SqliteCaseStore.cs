using Microsoft.Data.Sqlite;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>Cases, their event log, outbox writes and action tokens, committed together.</summary>
public sealed class SqliteCaseStore(SqliteDatabase database, TimeProvider time) : ICaseStore
{
    internal const string CaseColumns = "id, " + WritableColumns;

    private const string WritableColumns = """
        customer_key, platform, connector, status, version, opened_at, updated_at, customer_handle, intent, severity,
        confidence, needs_human, owner_team, first_owner_team, assignee, first_response_due_at, resolution_due_at,
        first_responded_at, resolved_at, ticket_ref, cluster_id, draft_text, language, reply_channel_id,
        reply_conversation_id, reply_thread_id, reply_is_public, reply_to_message_id, draft_private_text
        """;

    public async Task<CaseRecord?> GetAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadOneAsync(connection, null, "id = $p", caseId, cancellationToken);
    }

    public async Task<CaseRecord?> FindOpenByCustomerAsync(string customerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadOneAsync(connection, null, "customer_key = $p AND status <> 'resolved' ORDER BY id DESC LIMIT 1", customerKey, cancellationToken);
    }

    public async Task<CaseRecord?> FindLatestByCustomerAsync(string customerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadOneAsync(connection, null, "customer_key = $p ORDER BY id DESC LIMIT 1", customerKey, cancellationToken);
    }

    public async Task<CaseRecord?> FindOpenByClusterAsync(string clusterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Members carry the cluster id too (and reports folded in when the incident opened are older than it): the
        // owner is the open case of the cluster that did not join it.
        return await ReadOneAsync(
            connection,
            null,
            "cluster_id = $p AND status <> 'resolved' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'cluster.joined') ORDER BY id LIMIT 1",
            clusterId,
            cancellationToken);
    }

    public async Task<CaseCommitResult> CommitAsync(CaseCommit commit, CancellationToken cancellationToken) =>
        (await CommitManyAsync([commit], cancellationToken))[0];

    public async Task<IReadOnlyList<CaseCommitResult>> CommitManyAsync(IReadOnlyList<CaseCommit> commits, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var results = new List<CaseCommitResult>(commits.Count);
        foreach (var commit in commits)
        {
            var stored = await ApplyAsync(connection, transaction, commit, now, cancellationToken);
            if (stored is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return commits.Select(_ => new CaseCommitResult(CaseCommitStatus.Conflict, null)).ToArray();
            }

            results.Add(new CaseCommitResult(CaseCommitStatus.Committed, stored));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Applies one commit inside the caller's transaction; null on a version conflict.</summary>
    private static async Task<CaseRecord?> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CaseCommit commit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long caseId;
        int version;
        if (commit.ExpectedVersion is null)
        {
            version = 1;
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO cases({WritableColumns})
                VALUES ($customer_key, $platform, $connector, $status, $version, $opened_at, $updated_at, $customer_handle, $intent, $severity,
                        $confidence, $needs_human, $owner_team, $first_owner_team, $assignee, $first_response_due_at, $resolution_due_at,
                        $first_responded_at, $resolved_at, $ticket_ref, $cluster_id, $draft_text, $language, $reply_channel_id,
                        $reply_conversation_id, $reply_thread_id, $reply_is_public, $reply_to_message_id, $draft_private_text)
                RETURNING id;
                """;
            BindCase(insert, commit.Case, version, now);
            caseId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }
        else
        {
            caseId = commit.Case.Id;
            version = commit.ExpectedVersion.Value + 1;
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE cases SET customer_key=$customer_key, platform=$platform, connector=$connector, status=$status, version=$version,
                    opened_at=$opened_at, updated_at=$updated_at, customer_handle=$customer_handle, intent=$intent, severity=$severity,
                    confidence=$confidence, needs_human=$needs_human, owner_team=$owner_team, first_owner_team=$first_owner_team,
                    assignee=$assignee, first_response_due_at=$first_response_due_at, resolution_due_at=$resolution_due_at,
                    first_responded_at=$first_responded_at, resolved_at=$resolved_at, ticket_ref=$ticket_ref, cluster_id=$cluster_id,
                    draft_text=$draft_text, language=$language, reply_channel_id=$reply_channel_id,
                    reply_conversation_id=$reply_conversation_id, reply_thread_id=$reply_thread_id, reply_is_public=$reply_is_public,
                    reply_to_message_id=$reply_to_message_id, draft_private_text=$draft_private_text
                WHERE id = $id AND version = $expected;
                """;
            BindCase(update, commit.Case, version, now);
            update.Parameters.AddWithValue("$id", caseId);
            update.Parameters.AddWithValue("$expected", commit.ExpectedVersion.Value);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await InsertEventsAsync(connection, transaction, caseId, commit.Events, now, cancellationToken);

        foreach (var messageId in commit.AttachMessageIds)
        {
            await using var attach = connection.CreateCommand();
            attach.Transaction = transaction;
            attach.CommandText = "UPDATE messages SET case_id = $c WHERE id = $m;";
            attach.Parameters.AddWithValue("$c", caseId);
            attach.Parameters.AddWithValue("$m", messageId);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }

        if (commit.CompletesMessageId is { } completed)
        {
            await using var done = connection.CreateCommand();
            done.Transaction = transaction;
            done.CommandText = "UPDATE messages SET processed_at = $at, triage_json = $t, case_id = COALESCE(case_id, $c) WHERE id = $m;";
            done.Parameters.AddWithValue("$at", SqliteValues.Time(now));
            done.Parameters.Add("$t", SqliteValues.OrNull(commit.CompletedTriageJson));
            done.Parameters.AddWithValue("$c", caseId);
            done.Parameters.AddWithValue("$m", completed);
            await done.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteOutboxWriter.InsertAsync(connection, transaction, caseId, commit.Outbox, now, cancellationToken);

        foreach (var token in commit.ActionTokens)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO action_tokens(token, case_id, action, case_version, created_at) VALUES ($t, $c, $a, $v, $at);";
            insert.Parameters.AddWithValue("$t", token.Token);
            insert.Parameters.AddWithValue("$c", caseId);
            insert.Parameters.AddWithValue("$a", token.Action);
            insert.Parameters.AddWithValue("$v", version);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(now));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (commit.Sla is { } sla)
        {
            await UpsertSlaAsync(connection, transaction, caseId, sla, cancellationToken);
        }

        return await ReadOneAsync(connection, transaction, "id = $p", caseId, cancellationToken);
    }

    private static async Task UpsertSlaAsync(SqliteConnection connection, SqliteTransaction transaction, long caseId, SlaRecord sla, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO case_sla(case_id, state_json, next_check_at) VALUES ($c, $s, $n)
            ON CONFLICT(case_id) DO UPDATE SET state_json = excluded.state_json, next_check_at = excluded.next_check_at;
            """;
        upsert.Parameters.AddWithValue("$c", caseId);
        upsert.Parameters.AddWithValue("$s", sla.StateJson);
        upsert.Parameters.Add("$n", SqliteValues.TimeOrNull(sla.NextCheckAt));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SlaRecord?> GetSlaAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_json, next_check_at FROM case_sla WHERE case_id = $c;";
        command.Parameters.AddWithValue("$c", caseId);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? new SlaRecord(r.GetString(0), SqliteValues.ReadTimeOrNull(r, 1)) : null;
    }

    public async Task<IReadOnlyList<(long CaseId, SlaRecord Sla)>> ListSlaDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_id, state_json, next_check_at FROM case_sla WHERE next_check_at IS NOT NULL AND next_check_at <= $now ORDER BY next_check_at LIMIT $limit;";
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$limit", limit);
        var due = new List<(long, SlaRecord)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            due.Add((r.GetInt64(0), new SlaRecord(r.GetString(1), SqliteValues.ReadTimeOrNull(r, 2))));
        }

        return due;
    }

    public async Task<bool> RecordSlaAsync(long caseId, string expectedStateJson, SlaRecord sla, IReadOnlyList<CaseEventDraft> events, IReadOnlyList<OutboxItemDraft> outbox, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE case_sla SET state_json = $s, next_check_at = $n WHERE case_id = $c AND state_json = $old;";
            update.Parameters.AddWithValue("$s", sla.StateJson);
            update.Parameters.Add("$n", SqliteValues.TimeOrNull(sla.NextCheckAt));
            update.Parameters.AddWithValue("$c", caseId);
            update.Parameters.AddWithValue("$old", expectedStateJson);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await InsertEventsAsync(connection, transaction, caseId, events, now, cancellationToken);
        await SqliteOutboxWriter.InsertAsync(connection, transaction, caseId, outbox, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AppendEventsAsync(long caseId, IReadOnlyList<CaseEventDraft> events, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await InsertEventsAsync(connection, transaction, caseId, events, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Appends events to the case log and, in the same transaction, to the hash-chained audit log, so every
    /// recorded decision is also tamper-evident (see <c>switchboard audit verify</c>).
    /// </summary>
    private static async Task InsertEventsAsync(SqliteConnection connection, SqliteTransaction transaction, long caseId, IReadOnlyList<CaseEventDraft> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var previous = await SqliteAuditLog.ReadHeadAsync(connection, transaction, cancellationToken);
        foreach (var e in events)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO case_events(case_id, at, kind, actor, detail, rule_or_model) VALUES ($c, $at, $k, $a, $d, $r);";
            insert.Parameters.AddWithValue("$c", caseId);
            insert.Parameters.AddWithValue("$at", SqliteValues.Time(now));
            insert.Parameters.AddWithValue("$k", e.Kind);
            insert.Parameters.AddWithValue("$a", e.Actor);
            insert.Parameters.Add("$d", SqliteValues.OrNull(e.Detail));
            insert.Parameters.Add("$r", SqliteValues.OrNull(e.RuleOrModel));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            previous = AuditChain.Append(previous, new AuditEntryDraft(e.Actor, e.Kind, caseId, null, e.Detail, e.RuleOrModel), now);
            await SqliteAuditLog.InsertAsync(connection, transaction, previous, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<CaseEvent>> GetEventsAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, case_id, at, kind, actor, detail, rule_or_model FROM case_events WHERE case_id = $c ORDER BY id;";
        command.Parameters.AddWithValue("$c", caseId);
        var events = new List<CaseEvent>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(new CaseEvent(r.GetInt64(0), r.GetInt64(1), SqliteValues.ReadTime(r, 2), r.GetString(3), r.GetString(4),
                SqliteValues.ReadStringOrNull(r, 5), SqliteValues.ReadStringOrNull(r, 6)));
        }

        return events;
    }

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Status is { } status)
        {
            where.Add("status = $status");
            command.Parameters.AddWithValue("$status", status.ToWire());
        }

        if (query.OwnerTeam is { } owner)
        {
            where.Add("owner_team = $owner");
            command.Parameters.AddWithValue("$owner", owner);
        }

        if (query.ClusterId is { } cluster)
        {
            where.Add("cluster_id = $cluster");
            command.Parameters.AddWithValue("$cluster", cluster);
        }

        if (query.Intent is { } intent)
        {
            where.Add("intent = $intent");
            command.Parameters.AddWithValue("$intent", intent);
        }

        if (query.OpenedFrom is { } from)
        {
            where.Add("opened_at >= $from");
            command.Parameters.AddWithValue("$from", SqliteValues.Time(from));
        }

        if (query.OpenedTo is { } to)
        {
            where.Add("opened_at < $to");
            command.Parameters.AddWithValue("$to", SqliteValues.Time(to));
        }

        command.CommandText = $"SELECT {CaseColumns} FROM cases {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)} ORDER BY id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", query.Limit);
        var cases = new List<CaseRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(ReadCase(reader));
        }

        return cases;
    }

    public async Task<ActionTokenRecord?> FindActionTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token, case_id, action, case_version, created_at FROM action_tokens WHERE token = $t;";
        command.Parameters.AddWithValue("$t", token);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new ActionTokenRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), SqliteValues.ReadTime(r, 4))
            : null;
    }

    private static async Task<CaseRecord?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, object parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {CaseColumns} FROM cases WHERE {where};";
        command.Parameters.AddWithValue("$p", parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCase(reader) : null;
    }

    private static void BindCase(SqliteCommand command, CaseRecord c, int version, DateTimeOffset now)
    {
        var p = command.Parameters;
        p.AddWithValue("$customer_key", c.CustomerKey);
        p.AddWithValue("$platform", c.Platform);
        p.AddWithValue("$connector", c.Connector);
        p.AddWithValue("$status", c.Status.ToWire());
        p.AddWithValue("$version", version);
        p.AddWithValue("$opened_at", SqliteValues.Time(c.OpenedAt));
        p.AddWithValue("$updated_at", SqliteValues.Time(now));
        p.Add("$customer_handle", SqliteValues.OrNull(c.CustomerHandle));
        p.Add("$intent", SqliteValues.OrNull(c.Intent));
        p.Add("$severity", SqliteValues.OrNull(c.Severity));
        p.Add("$confidence", SqliteValues.OrNull(c.Confidence));
        p.AddWithValue("$needs_human", c.NeedsHuman ? 1 : 0);
        p.Add("$owner_team", SqliteValues.OrNull(c.OwnerTeam));
        p.Add("$first_owner_team", SqliteValues.OrNull(c.FirstOwnerTeam));
        p.Add("$assignee", SqliteValues.OrNull(c.Assignee));
        p.Add("$first_response_due_at", SqliteValues.TimeOrNull(c.FirstResponseDueAt));
        p.Add("$resolution_due_at", SqliteValues.TimeOrNull(c.ResolutionDueAt));
        p.Add("$first_responded_at", SqliteValues.TimeOrNull(c.FirstRespondedAt));
        p.Add("$resolved_at", SqliteValues.TimeOrNull(c.ResolvedAt));
        p.Add("$ticket_ref", SqliteValues.OrNull(c.TicketRef));
        p.Add("$cluster_id", SqliteValues.OrNull(c.ClusterId));
        p.Add("$draft_text", SqliteValues.OrNull(c.DraftText));
        p.Add("$language", SqliteValues.OrNull(c.Language));
        p.Add("$reply_channel_id", SqliteValues.OrNull(c.ReplyChannelId));
        p.Add("$reply_conversation_id", SqliteValues.OrNull(c.ReplyConversationId));
        p.Add("$reply_thread_id", SqliteValues.OrNull(c.ReplyThreadId));
        p.AddWithValue("$reply_is_public", c.ReplyIsPublic ? 1 : 0);
        p.Add("$reply_to_message_id", SqliteValues.OrNull(c.ReplyToPlatformMessageId));
        p.Add("$draft_private_text", SqliteValues.OrNull(c.DraftPrivateText));
    }

    internal static CaseRecord ReadCase(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), CaseStatusNames.Parse(r.GetString(4)), r.GetInt32(5),
            SqliteValues.ReadTime(r, 6), SqliteValues.ReadTime(r, 7))
        {
            CustomerHandle = SqliteValues.ReadStringOrNull(r, 8),
            Intent = SqliteValues.ReadStringOrNull(r, 9),
            Severity = SqliteValues.ReadStringOrNull(r, 10),
            Confidence = SqliteValues.ReadDoubleOrNull(r, 11),
            NeedsHuman = r.GetInt64(12) != 0,
            OwnerTeam = SqliteValues.ReadStringOrNull(r, 13),
            FirstOwnerTeam = SqliteValues.ReadStringOrNull(r, 14),
            Assignee = SqliteValues.ReadStringOrNull(r, 15),
            FirstResponseDueAt = SqliteValues.ReadTimeOrNull(r, 16),
            ResolutionDueAt = SqliteValues.ReadTimeOrNull(r, 17),
            FirstRespondedAt = SqliteValues.ReadTimeOrNull(r, 18),
            ResolvedAt = SqliteValues.ReadTimeOrNull(r, 19),
            TicketRef = SqliteValues.ReadStringOrNull(r, 20),
            ClusterId = SqliteValues.ReadStringOrNull(r, 21),
            DraftText = SqliteValues.ReadStringOrNull(r, 22),
            Language = SqliteValues.ReadStringOrNull(r, 23),
            ReplyChannelId = SqliteValues.ReadStringOrNull(r, 24),
            ReplyConversationId = SqliteValues.ReadStringOrNull(r, 25),
            ReplyThreadId = SqliteValues.ReadStringOrNull(r, 26),
            ReplyIsPublic = r.GetInt64(27) != 0,
            ReplyToPlatformMessageId = SqliteValues.ReadStringOrNull(r, 28),
            DraftPrivateText = SqliteValues.ReadStringOrNull(r, 29),
        };
}
