namespace Switchboard.Core.Domain;

/// <summary>
/// One customer's issue across every surface it touched. <see cref="Version"/> increases with every
/// committed change and guards concurrent reviewers (two Approve clicks send one reply).
/// </summary>
public sealed record CaseRecord(
    long Id,
    string CustomerKey,
    string Platform,
    string Connector,
    CaseStatus Status,
    int Version,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt)
{
    public string? CustomerHandle { get; init; }
    public string? Intent { get; init; }
    public string? Severity { get; init; }
    public double? Confidence { get; init; }
    public bool NeedsHuman { get; init; }
    public string? OwnerTeam { get; init; }
    public string? FirstOwnerTeam { get; init; }
    public string? Assignee { get; init; }
    public DateTimeOffset? FirstResponseDueAt { get; init; }
    public DateTimeOffset? ResolutionDueAt { get; init; }
    public DateTimeOffset? FirstRespondedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? TicketRef { get; init; }
    public string? ClusterId { get; init; }
    public string? DraftText { get; init; }

    /// <summary>The private (DM) draft that goes with a public reply that moves the conversation to a DM.</summary>
    public string? DraftPrivateText { get; init; }
    public string? Language { get; init; }
    /// <summary>Where a reply goes: the conversation of the latest customer message.</summary>
    public string? ReplyChannelId { get; init; }
    public string? ReplyConversationId { get; init; }
    public string? ReplyThreadId { get; init; }
    public bool ReplyIsPublic { get; init; }
    public string? ReplyToPlatformMessageId { get; init; }
}
