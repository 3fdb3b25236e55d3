using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>A suggested pinned clarification for a repeated question; <see cref="Status"/> is suggested, pinned or sent (approved where the platform has no pin).</summary>
/// <param name="Source">The channel most of the repeated questions came from: where the approved clarification is sent and pinned.</param>
/// <param name="PinOutboxId">The outbox item that pins it, once approved on a platform that can pin.</param>
/// <param name="Note">What happened on approval, in words (for example that Teams has no pin).</param>
public sealed record CampaignClarification(
    long Id,
    string Campaign,
    string ClusterKey,
    string Text,
    int AskCount,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PinnedAt,
    ChannelAddress? Source = null,
    long? PinOutboxId = null,
    string? Note = null);
