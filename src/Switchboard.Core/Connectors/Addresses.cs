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
    string? RecipientId)
{
    /// <summary>The customer-facing platform, for connectors that serve several (the playground) to find the DM.</summary>
    public string? Platform { get; init; }

    /// <summary>True when the connector must open or find the DM with <see cref="RecipientId"/> itself (no channel known yet).</summary>
    public bool NeedsDirectMessage => !IsPublic && string.IsNullOrEmpty(ChannelId);
}

/// <summary>A downloaded attachment.</summary>
public sealed record DownloadedFile(byte[] Content, string? MimeType, string? FileName);
