using System.Collections.Concurrent;
using Switchboard.Core.Storage;

namespace Switchboard.UnitTests.Connectors.Teams;

internal sealed class InMemoryTeamsConversationStore : ITeamsConversationStore
{
    public ConcurrentDictionary<string, TeamsConversationReference> Items { get; } = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public Task UpsertAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        Items[reference.ConversationId] = reference;
        Writes++;
        return Task.CompletedTask;
    }

    public Task<TeamsConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Items.GetValueOrDefault(conversationId));
}
