using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Cards;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Routing.Sla;

/// <summary>
/// Looks at cases whose SLA clocks are due: posts a warning before a breach and the breach itself to the
/// owner and the escalation path, once each. The clocks live in the database, so this survives restarts.
/// </summary>
public sealed class SlaMonitor(ICaseStore cases, SlaEngine engine, ICardComposer composer, OutboxSignal outboxSignal, TimeProvider time)
{
    /// <summary>Handles every due case once; returns how many alerts were raised.</summary>
    public async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raised = 0;
        foreach (var (caseId, record) in await cases.ListSlaDueAsync(now, 200, cancellationToken))
        {
            var state = CaseSlaClock.Read(record)!;
            var evaluation = engine.Evaluate(state, now);
            var c = await cases.GetAsync(caseId, cancellationToken);
            var events = new List<CaseEventDraft>();
            var outbox = new List<OutboxItemDraft>();
            foreach (var alert in evaluation.Alerts)
            {
                var kind = alert.Kind == SlaAlertKind.Warning ? "sla.warning" : "sla.breached";
                events.Add(new CaseEventDraft(kind, "system:sla", JsonSerializer.Serialize(new { clock = alert.Clock, dueAt = alert.DueAt, notify = alert.NotifyTeams }), state.RuleId));
                if (c is not null)
                {
                    outbox.AddRange(ReviewCardOutbox.PostTo(alert.Channels, composer.Compose(CardKinds.Sla, SlaCardData.Build(c, alert))));
                }
            }

            // Conditional on the clocks being as read: two monitors (or a reviewer acting meanwhile) never double-post.
            if (await cases.RecordSlaAsync(caseId, record.StateJson, new SlaRecord(JsonSerializer.Serialize(evaluation.State, new JsonSerializerOptions(JsonSerializerDefaults.Web)), evaluation.NextCheckAt), events, outbox, cancellationToken))
            {
                raised += evaluation.Alerts.Count;
            }
        }

        if (raised > 0)
        {
            outboxSignal.Notify();
        }

        return raised;
    }
}
