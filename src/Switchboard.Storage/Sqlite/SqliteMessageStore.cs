using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Inbound messages in SQLite. Stores are group-committed: callers queue their message, one of them
/// takes the write lock and commits everything queued so far in a single transaction, and each caller
/// returns once its own row is committed. A single-row commit costs ~30 µs here, so batching is what lets
/// the front door run near HTTP speed (see bench/).
/// </summary>
public sealed class SqliteMessageStore(SqliteDatabase database) : IMessageStore, IDisposable
{
    private const int MaxBatch = 512;
    private readonly ConcurrentQueue<PendingStore> _queue = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<IngestResult> StoreAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var pending = new PendingStore(message);
        _queue.Enqueue(pending);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!pending.Completion.Task.IsCompleted)
            {
                await CommitQueuedAsync(CancellationToken.None);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return await pending.Completion.Task;
    }

    private async Task CommitQueuedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<PendingStore>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var results = new IngestResult[batch.Count];
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO messages(connector, platform, platform_message_id, channel_id, conversation_id, thread_id,
                        author_id, author_handle, text, is_public, attachments_json, reply_to_message_id, author_followers, sent_at, received_at)
                    VALUES ($connector, $platform, $pmid, $channel, $conversation, $thread, $author, $handle, $text, $public,
                        $attachments, $replyTo, $followers, $sent, $received)
                    ON CONFLICT(platform, platform_message_id) DO NOTHING
                    RETURNING id;
                    """;
                var parameters = new[]
                {
                    "$connector", "$platform", "$pmid", "$channel", "$conversation", "$thread", "$author", "$handle",
                    "$text", "$public", "$attachments", "$replyTo", "$followers", "$sent", "$received",
                }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
                insert.Prepare();

                await using var find = connection.CreateCommand();
                find.Transaction = transaction;
                find.CommandText = "SELECT id FROM messages WHERE platform = $platform AND platform_message_id = $pmid;";
                var findPlatform = find.Parameters.Add("$platform", SqliteType.Text);
                var findId = find.Parameters.Add("$pmid", SqliteType.Text);

                for (var i = 0; i < batch.Count; i++)
                {
                    var m = batch[i].Message;
                    object?[] values =
                    [
                        m.Connector, m.Platform, m.PlatformMessageId, m.ChannelId, m.ConversationId, m.ThreadId,
                        m.AuthorId, m.AuthorHandle, m.Text, m.IsPublic ? 1 : 0,
                        m.Attachments.Count == 0 ? null : JsonSerializer.Serialize(m.Attachments, StorageJson.Options),
                        m.ReplyToPlatformMessageId, m.AuthorFollowers, SqliteValues.Time(m.SentAt), SqliteValues.Time(m.ReceivedAt),
                    ];
                    for (var p = 0; p < values.Length; p++)
                    {
                        parameters[p].Value = values[p] ?? DBNull.Value;
                    }

                    var inserted = await insert.ExecuteScalarAsync(cancellationToken);
                    if (inserted is long id)
                    {
                        results[i] = new IngestResult(id, Duplicate: false);
                    }
                    else
                    {
                        findPlatform.Value = m.Platform;
                        findId.Value = m.PlatformMessageId;
                        results[i] = new IngestResult((long)(await find.ExecuteScalarAsync(cancellationToken))!, Duplicate: true);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    public async Task<StoredMessage?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<StoredMessage?> FindByPlatformMessageIdAsync(string platform, string platformMessageId, CancellationToken cancellationToken)
    {
        // Served by the UNIQUE(platform, platform_message_id) index the idempotent store already relies on.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " WHERE platform = $platform AND platform_message_id = $pmid;";
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$pmid", platformMessageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<long>> ListUnprocessedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM messages WHERE processed_at IS NULL ORDER BY id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<IReadOnlyList<StoredMessage>> ListByCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectColumns + " WHERE case_id = $case ORDER BY id;";
        command.Parameters.AddWithValue("$case", caseId);
        var messages = new List<StoredMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader));
        }

        return messages;
    }

    public async Task SetTranscriptAsync(long messageId, string transcript, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE messages SET transcript = $t WHERE id = $id;";
        command.Parameters.AddWithValue("$t", transcript);
        command.Parameters.AddWithValue("$id", messageId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose() => _writeLock.Dispose();

    private const string SelectColumns = """
        SELECT id, connector, platform, platform_message_id, channel_id, conversation_id, thread_id, author_id, author_handle,
               text, is_public, attachments_json, reply_to_message_id, author_followers, sent_at, received_at,
               case_id, processed_at, transcript, triage_json
        FROM messages
        """;

    private static StoredMessage Read(SqliteDataReader r)
    {
        var attachmentsJson = SqliteValues.ReadStringOrNull(r, 11);
        var attachments = attachmentsJson is null
            ? []
            : JsonSerializer.Deserialize<List<Attachment>>(attachmentsJson, StorageJson.Options) ?? [];
        var message = new InboundMessage(
            r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), SqliteValues.ReadStringOrNull(r, 6),
            r.GetString(7), SqliteValues.ReadStringOrNull(r, 8), r.GetString(9), r.GetInt64(10) != 0, attachments,
            SqliteValues.ReadTime(r, 14), SqliteValues.ReadTime(r, 15), SqliteValues.ReadStringOrNull(r, 12), SqliteValues.ReadInt64OrNull(r, 13));
        return new StoredMessage(r.GetInt64(0), message, SqliteValues.ReadInt64OrNull(r, 16), SqliteValues.ReadTimeOrNull(r, 17))
        {
            Transcript = SqliteValues.ReadStringOrNull(r, 18),
            TriageJson = SqliteValues.ReadStringOrNull(r, 19),
        };
    }

    private sealed class PendingStore(InboundMessage message)
    {
        public InboundMessage Message { get; } = message;

        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
