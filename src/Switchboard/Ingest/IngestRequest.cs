namespace Switchboard.Ingest;

/// <summary>The body of POST /api/ingest: one normalized message from an external source.</summary>
public sealed record IngestRequest(
    string? Platform,
    string? MessageId,
    string? ChannelId,
    string? ConversationId,
    string? ThreadId,
    string? AuthorId,
    string? AuthorHandle,
    string? Text,
    bool? IsPublic,
    DateTimeOffset? SentAt,
    long? AuthorFollowers);
