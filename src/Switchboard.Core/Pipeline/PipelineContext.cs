using Switchboard.Core.Domain;
using Switchboard.Core.Routing;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Pipeline;

/// <summary>
/// One message's trip through the pipeline. Steps fill it in; the send step commits the case change,
/// its events and its outbox items in one transaction.
/// </summary>
public sealed class PipelineContext(StoredMessage message)
{
    public StoredMessage Message { get; set; } = message;

    /// <summary>The case the message belongs to, as last committed (set by the ingest step).</summary>
    public CaseRecord Case { get; set; } = null!;

    /// <summary>The case as it will be after this message: steps change this copy.</summary>
    public CaseRecord Next { get; set; } = null!;

    public bool OpenedCase { get; set; }

    public TriageResult? Triage { get; set; }

    public RoutingDecision? Route { get; set; }

    public Drafting.DraftSet? Drafts { get; set; }

    public string? Draft { get; set; }

    public ReviewOutcome Outcome { get; set; } = ReviewOutcome.None;

    public List<CaseEventDraft> Events { get; } = [];

    public List<OutboxItemDraft> Outbox { get; } = [];

    public List<ActionTokenDraft> ActionTokens { get; } = [];

    /// <summary>The case after the final commit.</summary>
    public CaseRecord? Committed { get; set; }

    /// <summary>Why the pipeline stopped early, when it did.</summary>
    public string? StoppedBecause { get; set; }
}

/// <summary>What the review step decided for the message.</summary>
public enum ReviewOutcome
{
    None,

    /// <summary>Noise: filtered and closed, no card.</summary>
    Filtered,

    /// <summary>A review card went to the owner team; a person approves the reply.</summary>
    AwaitingHuman,

    /// <summary>Policy allowed sending the draft without a person.</summary>
    AutoSend,

    /// <summary>Joined an incident cluster: the incident card was updated instead of posting a new card.</summary>
    JoinedIncident,
}
