namespace Switchboard.Core.Review;

/// <summary>Who may do what on review cards.</summary>
public sealed class ReviewerOptions
{
    public const string Section = "Switchboard:Reviewers";

    /// <summary>Reviewer id (platform user id or handle) → roles. Unknown reviewers get <see cref="DefaultRoles"/>.</summary>
    public Dictionary<string, List<string>> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Roles of a reviewer who is not listed. Default: agent.</summary>
    public List<string> DefaultRoles { get; set; } = ["agent"];

    /// <summary>
    /// Intent → roles allowed to approve or edit its replies. Intents not listed may be approved by any
    /// agent. Defaults: refunds by finance leads, safety by trust &amp; safety, reputation risk by comms; leads and admins always.
    /// </summary>
    public Dictionary<string, List<string>> ApproveRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["billing"] = ["finance_lead", "lead", "admin"],
        ["trust_safety"] = ["trust_safety", "lead", "admin"],
        ["reputation_risk"] = ["comms", "lead", "admin"],
        ["outage"] = ["lead", "comms", "admin"],
    };
}
