namespace Switchboard.Core.Domain;

public enum CaseStatus
{
    New,
    Triaged,
    AwaitingApproval,
    Replied,
    Resolved,
    Reopened,
}

public static class CaseStatusNames
{
    public static string ToWire(this CaseStatus status) => status switch
    {
        CaseStatus.New => "new",
        CaseStatus.Triaged => "triaged",
        CaseStatus.AwaitingApproval => "awaiting_approval",
        CaseStatus.Replied => "replied",
        CaseStatus.Resolved => "resolved",
        CaseStatus.Reopened => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static CaseStatus Parse(string wire) => wire switch
    {
        "new" => CaseStatus.New,
        "triaged" => CaseStatus.Triaged,
        "awaiting_approval" => CaseStatus.AwaitingApproval,
        "replied" => CaseStatus.Replied,
        "resolved" => CaseStatus.Resolved,
        "reopened" => CaseStatus.Reopened,
        _ => throw new FormatException($"Unknown case status '{wire}'."),
    };

    public static bool IsOpen(this CaseStatus status) => status != CaseStatus.Resolved;
}
