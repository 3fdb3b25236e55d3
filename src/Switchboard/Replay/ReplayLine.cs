namespace Switchboard.Replay;

/// <summary>One line of a replay file: a timestamped message as it arrived on some platform.</summary>
internal sealed record ReplayLine(
    string? Id,
    DateTimeOffset? Ts,
    string? Platform,
    string? Channel,
    string? Conversation,
    bool? Public,
    string? Author,
    string? Text,
    long? Followers);
