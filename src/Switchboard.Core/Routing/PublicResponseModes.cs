namespace Switchboard.Core.Routing;

/// <summary>How Switchboard answers in public for a matrix row (the wire names used in the YAML).</summary>
public static class PublicResponseModes
{
    /// <summary>Short public acknowledgement with a breadcrumb ("we sent you a DM"); the work continues in private.</summary>
    public const string AcknowledgeAndMoveToDm = "acknowledge_and_move_to_dm";

    /// <summary>One status reply (for an outage cluster: one reply instead of N answers).</summary>
    public const string StatusReply = "status_reply";

    /// <summary>Warn others (scam, impersonation) and ask for evidence in private.</summary>
    public const string WarnAndCollectEvidence = "warn_and_collect_evidence";

    /// <summary>Nothing goes out until a person (usually comms) decides.</summary>
    public const string HoldForReview = "hold_for_review";

    /// <summary>Answer in the public thread (pre-sales questions, thanks for feedback): no personal data involved.</summary>
    public const string ReplyInThread = "reply_in_thread";

    /// <summary>No public answer (noise).</summary>
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
        [AcknowledgeAndMoveToDm, StatusReply, WarnAndCollectEvidence, HoldForReview, ReplyInThread, None];
}
