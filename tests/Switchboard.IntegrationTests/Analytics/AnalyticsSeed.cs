using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>Writes cases straight through the real case store, at whatever time its clock says.</summary>
internal static class AnalyticsSeed
{
    public static async Task<long> ResolvedCaseAsync(ICaseStore cases, DateTimeOffset now, string intent, int n)
    {
        var record = new CaseRecord(0, $"telegram:seed{intent}{n}", "telegram", "playground", CaseStatus.Resolved, 0, now, now)
        {
            Intent = intent,
            OwnerTeam = "support",
            FirstOwnerTeam = "support",
            ResolvedAt = now,
        };
        var result = await cases.CommitAsync(
            new CaseCommit(record, null)
            {
                Events =
                [
                    new CaseEventDraft("case.opened", "system:test"),
                    new CaseEventDraft("message.received", "system:test", """{"platform":"telegram"}"""),
                    new CaseEventDraft("triage.decided", "system:test", $$"""{"intent":"{{intent}}","needsHuman":true}"""),
                    new CaseEventDraft("case.resolved", "user:@dana"),
                ],
            },
            TestContext.Current.CancellationToken);
        return result.Case!.Id;
    }
}
