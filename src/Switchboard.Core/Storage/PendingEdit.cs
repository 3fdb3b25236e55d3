namespace Switchboard.Core.Storage;

/// <summary>A reviewer's open Edit: their next message in <see cref="ChatId"/> before <see cref="ExpiresAt"/> runs the Edit action token.</summary>
public sealed record PendingEdit(string Connector, string ChatId, string UserId, string Token, DateTimeOffset ExpiresAt);
