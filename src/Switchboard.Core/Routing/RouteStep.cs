using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>
/// Applies the escalation matrix: owning team, review channels, SLA due times in the team's business
/// hours, approval policy. The first owner is kept so routing accuracy can be measured when a case moves.
/// </summary>
public sealed class RouteStep(Router router) : IPipelineStep
{
    public string Name => "route";

    public Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var decision = router.Route(context.Triage!, CaseRoutingFacts.For(context.Next, context.Message));
        context.Route = decision;
        var previousOwner = context.Next.OwnerTeam;
        context.Next = context.Next with
        {
            OwnerTeam = decision.OwnerTeam,
            FirstOwnerTeam = context.Next.FirstOwnerTeam ?? decision.OwnerTeam,
            Severity = Severities.Max(context.Next.Severity ?? Severities.Low, decision.Severity),
            NeedsHuman = context.Next.NeedsHuman || decision.NeedsHuman,
            FirstResponseDueAt = context.Next.FirstRespondedAt is null ? decision.FirstResponseDueAt : context.Next.FirstResponseDueAt,
            ResolutionDueAt = decision.ResolutionDueAt,
        };
        context.Events.Add(new CaseEventDraft(
            "route.assigned",
            "system:route",
            JsonSerializer.Serialize(new
            {
                from = previousOwner,
                to = decision.OwnerTeam,
                rule = decision.RuleId,
                severity = decision.Severity,
                flags = decision.Flags,
                overrides = decision.AppliedOverrides,
                publicMode = decision.PublicMode,
                privateHandoff = decision.PrivateHandoff,
                approval = decision.Approval.Policy,
                approvalReason = decision.Approval.Reason,
                firstResponseDue = decision.FirstResponseDueAt,
                resolutionDue = decision.ResolutionDueAt,
            }),
            decision.AuditRule));
        return next(cancellationToken);
    }
}
