using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>The playground's simulated channels in SQLite. Every write takes the next global revision.</summary>
public sealed class SqlitePlaygroundFeedStore(SqliteDatabase database) : IPlaygroundFeedStore
{
    public async Task<long> AddAsync(PlaygroundPost post, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO playground_posts(channel_id, conversation_id, thread_id, author, kind, text, card_json, is_public, created_at, revision)
            VALUES ($ch, $conv, $th, $a, $k, $t, $c, $p, $at, (SELECT COALESCE(MAX(revision), 0) + 1 FROM playground_posts))
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$ch", post.ChannelId);
        command.Parameters.Add("$conv", SqliteValues.OrNull(post.ConversationId));
        command.Parameters.Add("$th", SqliteValues.OrNull(post.ThreadId));
        command.Parameters.AddWithValue("$a", post.Author);
        command.Parameters.AddWithValue("$k", post.Kind);
        command.Parameters.Add("$t", SqliteValues.OrNull(post.Text));
        command.Parameters.Add("$c", SqliteValues.OrNull(post.CardJson));
        command.Parameters.AddWithValue("$p", post.IsPublic ? 1 : 0);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(post.CreatedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<PlaygroundPost?> GetAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM playground_posts WHERE id = $id;";
        command.Parameters.AddWithValue("$id", postId);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? Read(r) : null;
    }

    public async Task<bool> ReplaceCardAsync(long postId, string cardJson, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE playground_posts SET card_json = $c, revision = (SELECT COALESCE(MAX(revision), 0) + 1 FROM playground_posts)
            WHERE id = $id AND kind = 'card';
            """;
        command.Parameters.AddWithValue("$c", cardJson);
        command.Parameters.AddWithValue("$id", postId);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<PlaygroundPost>> ListChangedAsync(long sinceRevision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, channel_id, conversation_id, thread_id, author, kind, text, card_json, is_public, created_at, revision
            FROM playground_posts WHERE revision > $r ORDER BY revision LIMIT 500;
            """;
        // Columns (above) and Read (below) stay in the same order.
        command.Parameters.AddWithValue("$r", sinceRevision);
        var posts = new List<PlaygroundPost>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            posts.Add(Read(r));
        }

        return posts;
    }

    private const string Columns = "id, channel_id, conversation_id, thread_id, author, kind, text, card_json, is_public, created_at, revision";

    private static PlaygroundPost Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), SqliteValues.ReadStringOrNull(r, 2), SqliteValues.ReadStringOrNull(r, 3),
            r.GetString(4), r.GetString(5), SqliteValues.ReadStringOrNull(r, 6), SqliteValues.ReadStringOrNull(r, 7), r.GetInt64(8) != 0,
            SqliteValues.ReadTime(r, 9), r.GetInt64(10));
}
