namespace Switchboard.Core.Routing;

/// <summary>The approval policies a matrix row can name, from least to most strict.</summary>
public static class ApprovalPolicyKinds
{
    /// <summary>Send without a person when triage is at least <c>minConfidence</c> sure; otherwise an agent approves.</summary>
    public const string AutoSend = "auto_send";

    public const string AgentApproval = "agent_approval";

    public const string LeadApproval = "lead_approval";

    /// <summary>A specific role approves (finance_lead, trust_safety, comms, …).</summary>
    public const string Role = "role";

    public static readonly IReadOnlyList<string> All = [AutoSend, AgentApproval, LeadApproval, Role];

    /// <summary>Strictness used when an override may only tighten a row.</summary>
    public static int Rank(string kind) => kind switch
    {
        AutoSend => 0,
        AgentApproval => 1,
        LeadApproval => 2,
        _ => 3,
    };
}
