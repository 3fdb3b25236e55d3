namespace Switchboard.Core.Storage;

/// <summary>What an outbox item asks the sender to do.</summary>
public static class OutboxKinds
{
    /// <summary>Post a card into a channel; the landing place is recorded as a card post.</summary>
    public const string PostCard = "card.post";

    /// <summary>Replace every posted copy of a case's card of one kind.</summary>
    public const string UpdateCard = "card.update";

    /// <summary>Send a reply to the customer.</summary>
    public const string Reply = "reply";

    /// <summary>Open a CRM ticket for the case's private handoff and link it on the case.</summary>
    public const string HandoffTicket = "handoff.ticket";

    /// <summary>
    /// Replace the one card another outbox item posted (target <see cref="OutboxPostTarget"/>): cards that belong to no
    /// case, such as a launch run's checklist. Waits while that post is still pending.
    /// </summary>
    public const string UpdatePostedCard = "card.update.post";

    /// <summary>Pin the message another outbox item sent (target <see cref="OutboxPostTarget"/>); waits while it is pending.</summary>
    public const string Pin = "message.pin";
}

/// <summary>An outbound post to write in the same transaction as the change that caused it.</summary>
/// <param name="Kind">One of <see cref="OutboxKinds"/>.</param>
/// <param name="Connector">The connector that delivers it.</param>
/// <param name="TargetJson">Where it goes: a ChannelAddress, a ReplyTarget, or {caseId, cardKind} for updates.</param>
/// <param name="PayloadJson">What goes: a CardPayload or {"text": …}.</param>
/// <param name="CardKind">For card posts and updates: the card template kind.</param>
public sealed record OutboxItemDraft(string Kind, string Connector, string TargetJson, string PayloadJson, string? CardKind = null);

/// <summary>A stored outbox item.</summary>
public sealed record OutboxItem(
    long Id,
    long? CaseId,
    string Kind,
    string Connector,
    string TargetJson,
    string PayloadJson,
    string? CardKind,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt);

/// <summary>Where a card was posted, so later updates reach every copy.</summary>
public sealed record CardPost(long CaseId, string CardKind, string Connector, string ChannelId, string PlatformMessageId);

/// <summary>The target of <see cref="OutboxKinds.UpdatePostedCard"/> and <see cref="OutboxKinds.Pin"/>: the outbox item whose delivery it acts on.</summary>
public sealed record OutboxPostTarget(long OutboxId);

/// <summary>An outbox item's delivery state and, once sent, the platform's answer (a PostedMessageRef for posts and replies).</summary>
public sealed record OutboxResult(string Status, string? ResultJson);
