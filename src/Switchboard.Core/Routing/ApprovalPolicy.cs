namespace Switchboard.Core.Routing;

/// <summary>A matrix row's approval policy.</summary>
/// <param name="Kind">One of <see cref="ApprovalPolicyKinds.All"/>.</param>
/// <param name="MinConfidence">For <see cref="ApprovalPolicyKinds.AutoSend"/>: the triage confidence needed to send without a person.</param>
/// <param name="Role">For <see cref="ApprovalPolicyKinds.Role"/>: the role that approves.</param>
public sealed record ApprovalPolicy(string Kind, double? MinConfidence = null, string? Role = null)
{
    /// <summary>The role a person needs to approve under this policy, or null for auto-send.</summary>
    public string ApproverRole => Kind switch
    {
        ApprovalPolicyKinds.LeadApproval => "lead",
        ApprovalPolicyKinds.Role => Role ?? "lead",
        _ => "agent",
    };

    public override string ToString() => Kind switch
    {
        ApprovalPolicyKinds.AutoSend => $"auto_send>={MinConfidence:0.##}",
        ApprovalPolicyKinds.Role => $"role:{Role}",
        _ => Kind,
    };
}
