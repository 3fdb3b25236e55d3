namespace Switchboard.Core.Governance;

/// <summary>How senior a role is: matrix rows with <c>lead_approval</c> need a lead-level role.</summary>
public static class RoleLevels
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Lead, Admin];

    public static int Rank(string level) => level switch
    {
        Admin => 2,
        Lead => 1,
        _ => 0,
    };
}
