namespace Switchboard.Core.Governance;

/// <summary>What a role may do (the wire names used in config/roles.yaml). Approval is per intent, see <see cref="RoleDefinition.ApproveIntents"/>.</summary>
public static class Permissions
{
    public const string Approve = "approve";
    public const string Edit = "edit";
    public const string Escalate = "escalate";
    public const string Retag = "retag";
    public const string Assign = "assign";
    public const string Resolve = "resolve";
    public const string Reopen = "reopen";
    public const string ChangeMatrix = "change_matrix";
    public const string PostPublicly = "post_publicly";
    public const string Moderate = "moderate";

    /// <summary>Start launch runs with the campaign chat commands (issue 11).</summary>
    public const string Campaign = "campaign";

    /// <summary>In a roles file: every permission, or every intent.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known =
        [Approve, Edit, Escalate, Retag, Assign, Resolve, Reopen, ChangeMatrix, PostPublicly, Moderate, Campaign];

    /// <summary>The words used in refusal messages ("you need … to change the escalation matrix").</summary>
    public static string Describe(string permission) => permission switch
    {
        Edit => "edit drafts",
        Escalate => "escalate cases",
        Retag => "retag cases",
        Assign => "assign cases",
        Resolve => "resolve cases",
        Reopen => "reopen cases",
        ChangeMatrix => "change the escalation matrix",
        PostPublicly => "post publicly",
        Moderate => "moderate comments",
        Campaign => "start launch runs",
        _ => permission,
    };
}
