using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>Teams conversation references in SQLite (migration 9), one row per conversation id.</summary>
public sealed class SqliteTeamsConversationStore(SqliteDatabase database) : ITeamsConversationStore
{
    public async Task UpsertAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO teams_conversations(conversation_id, service_url, tenant_id, bot_id, channel_id, conversation_type, updated_at)
            VALUES ($id, $url, $tenant, $bot, $channel, $type, $at)
            ON CONFLICT(conversation_id) DO UPDATE SET service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                bot_id = excluded.bot_id, channel_id = excluded.channel_id, conversation_type = excluded.conversation_type, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$id", reference.ConversationId);
        command.Parameters.AddWithValue("$url", reference.ServiceUrl);
        command.Parameters.Add("$tenant", SqliteValues.OrNull(reference.TenantId));
        command.Parameters.Add("$bot", SqliteValues.OrNull(reference.BotId));
        command.Parameters.AddWithValue("$channel", reference.ChannelId);
        command.Parameters.Add("$type", SqliteValues.OrNull(reference.ConversationType));
        command.Parameters.AddWithValue("$at", SqliteValues.Time(reference.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<TeamsConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation_id, service_url, tenant_id, bot_id, channel_id, conversation_type, updated_at
            FROM teams_conversations WHERE conversation_id = $id;
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TeamsConversationReference(
            reader.GetString(0),
            reader.GetString(1),
            SqliteValues.ReadStringOrNull(reader, 2),
            SqliteValues.ReadStringOrNull(reader, 3),
            reader.GetString(4),
            SqliteValues.ReadStringOrNull(reader, 5),
            SqliteValues.ReadTime(reader, 6));
    }
}
