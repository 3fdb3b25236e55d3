using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>Pending Edit prompts in SQLite (migration 6), one row per connector, chat and reviewer.</summary>
public sealed class SqlitePendingEditStore(SqliteDatabase database) : IPendingEditStore
{
    public async Task StartAsync(PendingEdit edit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM pending_edits WHERE expires_at <= $now;
            INSERT INTO pending_edits(connector, chat_id, user_id, token, expires_at) VALUES ($connector, $chat, $user, $token, $expires)
            ON CONFLICT(connector, chat_id, user_id) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at;
            """;
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$connector", edit.Connector);
        command.Parameters.AddWithValue("$chat", edit.ChatId);
        command.Parameters.AddWithValue("$user", edit.UserId);
        command.Parameters.AddWithValue("$token", edit.Token);
        command.Parameters.AddWithValue("$expires", SqliteValues.Time(edit.ExpiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PendingEdit?> TakeAsync(string connector, string chatId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Taken in one statement, so two copies of the reviewer's message cannot both run the edit.
        command.CommandText = """
            DELETE FROM pending_edits WHERE connector = $connector AND chat_id = $chat AND user_id = $user
            RETURNING token, expires_at;
            """;
        command.Parameters.AddWithValue("$connector", connector);
        command.Parameters.AddWithValue("$chat", chatId);
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var edit = new PendingEdit(connector, chatId, userId, reader.GetString(0), SqliteValues.ReadTime(reader, 1));
        return edit.ExpiresAt > now ? edit : null;
    }
}
