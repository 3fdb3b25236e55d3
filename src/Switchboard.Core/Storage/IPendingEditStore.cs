namespace Switchboard.Core.Storage;

/// <summary>
/// Edits waiting for the reviewer's reply (Telegram's Edit is a force-reply: the reviewer's next message in the chat
/// is the new text), kept durably so a restart between the press and the reply does not lose the edit.
/// </summary>
public interface IPendingEditStore
{
    /// <summary>Opens the reviewer's pending edit in a chat, replacing an older one there, and drops expired ones.</summary>
    Task StartAsync(PendingEdit edit, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes and returns the reviewer's pending edit in the chat if one is open and not expired at <paramref name="now"/>.</summary>
    Task<PendingEdit?> TakeAsync(string connector, string chatId, string userId, DateTimeOffset now, CancellationToken cancellationToken);
}
