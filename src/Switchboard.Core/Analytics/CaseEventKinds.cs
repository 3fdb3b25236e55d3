namespace Switchboard.Core.Analytics;

/// <summary>The event kinds the KPI engine reads, including the ones analytics and routing add.</summary>
public static class CaseEventKinds
{
    public const string Opened = "case.opened";
    public const string MessageReceived = "message.received";
    public const string TriageDecided = "triage.decided";

    /// <summary>The campaign step tagged the case's message to a campaign (promo code, creator handle, landing page).</summary>
    public const string CampaignTagged = "campaign.tagged";
    public const string RouteAssigned = "route.assigned";
    public const string ReviewRequested = "review.requested";
    public const string ReviewFiltered = "review.filtered";
    public const string AutoApproved = "review.auto_approved";
    public const string Approved = "review.approved";
    public const string Edited = "review.edited";
    public const string Escalated = "review.escalated";
    public const string Retagged = "review.retagged";
    public const string ReplyQueued = "reply.queued";
    public const string Resolved = "case.resolved";

    /// <summary>A resolved case came back (written by a reopen action, if one exists).</summary>
    public const string Reopened = "case.reopened";

    /// <summary>SLA clock stopped (waiting on the customer, for example); written by the SLA component.</summary>
    public const string SlaPaused = "case.sla_paused";

    public const string SlaResumed = "case.sla_resumed";

    /// <summary>A post-resolution customer rating, detail {"score": 1..5}.</summary>
    public const string CsatRated = "csat.rated";
}
