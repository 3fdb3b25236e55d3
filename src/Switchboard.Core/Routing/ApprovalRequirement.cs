namespace Switchboard.Core.Routing;

/// <summary>Who must approve a reply before it is sent.</summary>
/// <param name="HumanRequired">False only when the draft may be sent automatically.</param>
/// <param name="Role">The role that approves (agent, lead, finance_lead, …), or null for auto-send.</param>
/// <param name="Policy">The matrix policy that applied, for example <c>auto_send&gt;=0.9</c> or <c>role:finance_lead</c>.</param>
/// <param name="Reason">Why, in words, for the card and the audit log.</param>
public sealed record ApprovalRequirement(bool HumanRequired, string? Role, string Policy, string Reason)
{
    public bool AutoSendAllowed => !HumanRequired;
}
