namespace Switchboard.Core.Connectors;

/// <summary>A channel on a connector: where review cards are posted.</summary>
public sealed record ChannelAddress(string Connector, string ChannelId, string? ThreadId = null);

/// <summary>Where a posted message landed, so it can be edited in place.</summary>
public sealed record PostedMessageRef(string Connector, string ChannelId, string PlatformMessageId);

/// <summary>Where a reply to a customer goes.</summary>
/// <param name="IsPublic">True: answer in the public thread; false: answer in the DM.</param>
public sealed record ReplyTarget(
    string Connector,
    string ChannelId,
    string ConversationId,
    string? ThreadId,
    bool IsPublic,
    string? ReplyToPlatformMessageId,
    string? RecipientId);

/// <summary>A downloaded attachment.</summary>
public sealed record DownloadedFile(byte[] Content, string? MimeType, string? FileName);
