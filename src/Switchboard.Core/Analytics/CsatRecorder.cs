using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Analytics;

/// <summary>
/// Records a customer's post-resolution rating as a <c>csat.rated</c> event on the case (the event log is
/// the only CSAT source). One rating per case counts: a second one is refused, so nothing is double counted.
/// </summary>
public sealed class CsatRecorder(ICaseStore cases)
{
    public async Task<string?> RecordAsync(long caseId, int score, string source, CancellationToken cancellationToken)
    {
        if (score is < 1 or > 5)
        {
            return "score must be 1 to 5";
        }

        var c = await cases.GetAsync(caseId, cancellationToken);
        if (c is null)
        {
            return "no such case";
        }

        if (c.Status != CaseStatus.Resolved)
        {
            return "CSAT is asked after resolution; this case is not resolved";
        }

        var events = await cases.GetEventsAsync(caseId, cancellationToken);
        if (events.Any(e => e.Kind == CaseEventKinds.CsatRated))
        {
            return "this case was already rated";
        }

        await cases.AppendEventsAsync(caseId, [new CaseEventDraft(CaseEventKinds.CsatRated, "customer", JsonSerializer.Serialize(new { score, source }))], cancellationToken);
        return null;
    }
}
