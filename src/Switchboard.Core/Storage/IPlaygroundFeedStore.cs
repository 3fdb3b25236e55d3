namespace Switchboard.Core.Storage;

/// <summary>
/// What the local playground shows: customer posts, bot replies and cards in simulated channels.
/// Kept in the same database so the page survives a restart.
/// </summary>
public interface IPlaygroundFeedStore
{
    Task<long> AddAsync(PlaygroundPost post, CancellationToken cancellationToken);

    /// <summary>One post by id, or null.</summary>
    Task<PlaygroundPost?> GetAsync(long postId, CancellationToken cancellationToken);

    Task<bool> ReplaceCardAsync(long postId, string cardJson, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Posts changed after <paramref name="sinceRevision"/> (a global, increasing revision).</summary>
    Task<IReadOnlyList<PlaygroundPost>> ListChangedAsync(long sinceRevision, CancellationToken cancellationToken);
}

/// <param name="Kind">"customer", "reply", "card" or "pin" (a pinned message: its text, shown above the channel).</param>
public sealed record PlaygroundPost(
    long Id,
    string ChannelId,
    string? ConversationId,
    string? ThreadId,
    string Author,
    string Kind,
    string? Text,
    string? CardJson,
    bool IsPublic,
    DateTimeOffset CreatedAt,
    long Revision);
