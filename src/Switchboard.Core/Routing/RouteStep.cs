using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Routing;

/// <summary>Assigns the owning team and SLA due times; the first owner is kept so routing accuracy can be measured.</summary>
public sealed class RouteStep(IntentRouter router, TimeProvider time) : IPipelineStep
{
    public string Name => "route";

    public Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var decision = router.Route(context.Next, context.Triage!, time.GetUtcNow());
        context.Route = decision;
        var previousOwner = context.Next.OwnerTeam;
        context.Next = context.Next with
        {
            OwnerTeam = decision.OwnerTeam,
            FirstOwnerTeam = context.Next.FirstOwnerTeam ?? decision.OwnerTeam,
            FirstResponseDueAt = context.Next.FirstRespondedAt is null ? decision.FirstResponseDue : context.Next.FirstResponseDueAt,
            ResolutionDueAt = decision.ResolutionDue,
        };
        if (previousOwner != decision.OwnerTeam)
        {
            context.Events.Add(new CaseEventDraft(
                "route.assigned",
                "system:route",
                JsonSerializer.Serialize(new { from = previousOwner, to = decision.OwnerTeam, firstResponseDue = decision.FirstResponseDue, resolutionDue = decision.ResolutionDue }),
                decision.RuleId));
        }

        return next(cancellationToken);
    }
}
