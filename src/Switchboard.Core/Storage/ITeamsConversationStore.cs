namespace Switchboard.Core.Storage;

/// <summary>Conversation references of the Teams connector, kept durably so proactive posts work after a restart.</summary>
public interface ITeamsConversationStore
{
    Task UpsertAsync(TeamsConversationReference reference, CancellationToken cancellationToken);

    Task<TeamsConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);
}
