using System.Text;
using Switchboard.Core.Domain;

namespace Switchboard.Replay;

/// <summary>What a replay did: read, stored, cases and where they went.</summary>
internal sealed record ReplaySummary(
    int LinesRead,
    int LinesFailed,
    int MessagesStored,
    int Duplicates,
    int CasesOpened,
    IReadOnlyList<CaseRecord> Cases,
    int CardsPosted,
    int CardsFolded,
    int RepliesSent,
    DateTimeOffset ClockAtEnd)
{
    public string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("Replay summary");
        sb.AppendLine($"  lines read            {LinesRead} ({LinesFailed} failed)");
        sb.AppendLine($"  messages stored       {MessagesStored} ({Duplicates} already stored, skipped)");
        sb.AppendLine($"  cases opened          {CasesOpened}");
        sb.AppendLine($"  noise filtered        {Cases.Count(c => c.Intent == "noise" && c.Status == CaseStatus.Resolved)}");
        sb.AppendLine($"  incident clusters     {Cases.Where(c => c.ClusterId is not null).Select(c => c.ClusterId).Distinct().Count()} ({Cases.Count(c => c.ClusterId is not null)} cases in them)");
        sb.AppendLine($"  drafts awaiting approval {Cases.Count(c => c.Status == CaseStatus.AwaitingApproval)}");
        sb.AppendLine($"  auto-sent replies     {RepliesSent}");
        sb.AppendLine($"  review cards posted   {CardsPosted} ({CardsFolded} closed when their reports were folded into an incident)");
        var breaches = Cases.Where(c => c.FirstRespondedAt is null && c.Status != CaseStatus.Resolved && c.FirstResponseDueAt < ClockAtEnd).ToList();
        sb.AppendLine($"  SLA breaches          {breaches.Count} first-response targets missed by {ClockAtEnd:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine("  by intent             cases  awaiting  breached");
        foreach (var group in Cases.GroupBy(c => c.Intent ?? "untriaged").OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"    {group.Key,-20}{group.Count(),5}  {group.Count(c => c.Status == CaseStatus.AwaitingApproval),8}  {group.Count(breaches.Contains),8}");
        }

        sb.AppendLine();
        sb.AppendLine("  by owner team         cases  awaiting");
        foreach (var group in Cases.GroupBy(c => c.OwnerTeam ?? "unassigned").OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"    {group.Key,-20}{group.Count(),5}  {group.Count(c => c.Status == CaseStatus.AwaitingApproval),8}");
        }

        return sb.ToString();
    }
}
