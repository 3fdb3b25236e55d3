namespace Switchboard.Core.Storage;

/// <summary>
/// What the Teams connector needs to post into a conversation later (proactively): learned from the
/// first activity of an installation or conversation, refreshed when it changes.
/// </summary>
/// <param name="ConversationId">Teams conversation id (a channel "19:…@thread.tacv2", a group chat or a 1:1).</param>
/// <param name="ServiceUrl">The regional Connector service URL activities for this conversation came from.</param>
/// <param name="ChannelId">The Bot Framework channel ("msteams", "emulator").</param>
public sealed record TeamsConversationReference(
    string ConversationId,
    string ServiceUrl,
    string? TenantId,
    string? BotId,
    string ChannelId,
    string? ConversationType,
    DateTimeOffset UpdatedAt);
