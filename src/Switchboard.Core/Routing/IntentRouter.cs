using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>Looks the case's intent up in the routing rules and computes owner, channels and due times.</summary>
public sealed class IntentRouter(IOptions<RoutingOptions> options)
{
    public RouteDecision Route(CaseRecord current, TriageResult triage, DateTimeOffset now)
    {
        var config = options.Value;
        var rule = config.Intents.TryGetValue(triage.Intent, out var r) ? r : config.Intents[Intents.ProductIssue];
        var owner = rule.Owner;
        var channels = config.Teams.TryGetValue(owner, out var team)
            ? team.Channels.Select(c => new ChannelAddress(c.Connector, c.Channel)).ToArray()
            : [];
        var critical = triage.Severity == Severities.Critical;
        var firstResponse = TimeSpan.FromMinutes(critical ? Math.Min(rule.FirstResponseMinutes, 15) : rule.FirstResponseMinutes);
        return new RouteDecision(
            owner,
            channels,
            current.FirstResponseDueAt ?? now + firstResponse,
            current.ResolutionDueAt ?? now + TimeSpan.FromHours(rule.ResolutionHours),
            rule.HumanRequired || critical,
            rule.AutoSendAtConfidence,
            rule.PublicMode,
            rule.EscalationPath,
            $"routing.{triage.Intent}");
    }
}
