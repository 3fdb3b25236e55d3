namespace Switchboard.Core.Routing;

/// <summary>Where the private part of a case continues (the wire names used in the YAML).</summary>
public static class PrivateHandoffs
{
    /// <summary>A CRM ticket (Zendesk) carrying the account context and the cross-channel history.</summary>
    public const string TicketWithAccountContext = "ticket_with_account_context";

    /// <summary>Link the case to the incident that owns the outage.</summary>
    public const string IncidentLink = "incident_link";

    /// <summary>Evidence goes through a secure intake form, never through chat.</summary>
    public const string SecureIntake = "secure_intake";

    /// <summary>An internal review thread (comms, legal) before anything is said.</summary>
    public const string InternalReview = "internal_review";

    /// <summary>No private follow-up.</summary>
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
        [TicketWithAccountContext, IncidentLink, SecureIntake, InternalReview, None];
}
