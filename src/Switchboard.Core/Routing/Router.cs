using Switchboard.Core.Governance;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>
/// Applies the escalation matrix: intent row, then the first matching trigger row, then every matching
/// matrix-wide override (which only tighten), then the mandatory-human rules. Pure: same inputs, same decision.
/// </summary>
public sealed class Router(RoutingConfiguration configuration)
{
    private const string EscalatedSuffix = "+escalated";

    public RoutingConfiguration Configuration => configuration;

    public RoutingDecision Route(TriageResult triage, RoutingFacts facts) => Route(RouteInput.From(triage), facts);

    public RoutingDecision Route(RouteInput input, RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(facts);
        var matrix = configuration.Matrix;
        var intent = matrix.Intents.ContainsKey(input.Intent) ? input.Intent : Intents.Noise;
        var flags = DeriveFlags(input, facts, matrix.Visibility);
        var severity = EffectiveSeverity(input.Severity, flags, matrix.Visibility);
        var (rule, _) = matrix.Intents[intent].Resolve(severity, flags);

        var path = rule.EscalationPath.ToList();
        var owner = rule.Owner;
        string? forcedBy = null;
        if (!rule.Filtered && input.ForcedOwner is { } forced && forced != owner && configuration.Teams.Teams.ContainsKey(forced))
        {
            // A rule (legal threat, safety) named the team: it owns the case; the row's path still applies after it.
            owner = forced;
            forcedBy = forced;
            path.Remove(forced);
        }

        var firstTargets = new List<SlaTarget>();
        if (rule.FirstResponse is { } first)
        {
            firstTargets.Add(first);
        }

        var approval = rule.Approval;
        var publicMode = rule.PublicMode;
        var applied = new List<string>();
        if (!rule.Filtered)
        {
            foreach (var over in matrix.Overrides.Where(o => o.Matches(flags)))
            {
                applied.Add(over.Id);
                foreach (var team in over.AddEscalation.Where(t => !path.Contains(t) && t != owner))
                {
                    path.Add(team);
                }

                if (over.FirstResponse is { } tighter)
                {
                    firstTargets.Add(tighter);
                }

                if (over.Approval is { } stricter && ApprovalPolicyKinds.Rank(stricter.Kind) >= ApprovalPolicyKinds.Rank(approval.Kind))
                {
                    approval = stricter;
                }

                publicMode = over.PublicMode ?? publicMode;
            }
        }

        var hours = configuration.Teams.Get(owner).Hours;
        SlaTarget? firstTarget = null;
        DateTimeOffset? firstDue = null;
        foreach (var target in firstTargets)
        {
            var due = SlaEngine.DueAt(hours, target, facts.OpenedAt);
            if (firstDue is null || due < firstDue)
            {
                (firstTarget, firstDue) = (target, due);
            }
        }

        var resolutionDue = rule.Resolution is { } resolution ? SlaEngine.DueAt(hours, resolution, facts.OpenedAt) : (DateTimeOffset?)null;
        if (firstDue is not null && resolutionDue is not null && firstDue > resolutionDue)
        {
            firstDue = resolutionDue;
        }

        var requirement = Approve(rule, intent, approval, publicMode, flags, input);
        return new RoutingDecision(
            rule.Id,
            matrix.Version,
            intent,
            severity,
            input.Confidence,
            input.ClusterId,
            owner,
            configuration.Teams.Get(owner).ReviewChannels,
            publicMode,
            rule.PrivateHandoff,
            path,
            firstTarget,
            rule.Resolution,
            firstDue,
            resolutionDue,
            requirement,
            RiskFlags.All.Where(flags.Contains).ToList(),
            applied,
            rule.OneReplyPerCluster,
            rule.Filtered)
        {
            OwnerForcedBy = forcedBy,
        };
    }

    /// <summary>
    /// The Escalate review action: severity one step up and routed again; when the row keeps the same owner,
    /// the case moves to the next team on the escalation path.
    /// </summary>
    public RoutingDecision Escalate(RoutingDecision current, RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(current);
        var input = new RouteInput(current.Intent, Severities.Raise(current.Severity), current.Confidence, true, current.ClusterId) { ForcedOwner = current.OwnerForcedBy is null ? null : current.OwnerTeam };
        var next = Route(input, facts);
        var alreadyEscalated = current.RuleId.EndsWith(EscalatedSuffix, StringComparison.Ordinal);
        if (!alreadyEscalated && next.OwnerTeam != current.OwnerTeam)
        {
            return next;
        }

        if (current.EscalationPath.Count == 0)
        {
            // The end of the path: the owner stays, the severity still goes up.
            return next with
            {
                RuleId = alreadyEscalated ? current.RuleId : next.RuleId + EscalatedSuffix,
                OwnerTeam = current.OwnerTeam,
                ReviewChannels = current.ReviewChannels,
                EscalationPath = [],
            };
        }

        var owner = current.EscalationPath[0];
        var team = configuration.Teams.Get(owner);
        var hours = team.Hours;
        return next with
        {
            RuleId = alreadyEscalated ? current.RuleId : next.RuleId + EscalatedSuffix,
            OwnerTeam = owner,
            ReviewChannels = team.ReviewChannels,
            // The first escalation also picks up teams the stricter row adds; later ones only walk the remaining path,
            // so the case never goes back to a team it already passed through.
            EscalationPath = current.EscalationPath.Skip(1)
                .Concat(alreadyEscalated ? [] : next.EscalationPath)
                .Where(t => t != owner && t != current.OwnerTeam && t != next.OwnerTeam)
                .Distinct()
                .ToList(),
            FirstResponseDueAt = next.FirstResponseTarget is { } f ? SlaEngine.DueAt(hours, f, facts.OpenedAt) : null,
            ResolutionDueAt = next.ResolutionTarget is { } r ? SlaEngine.DueAt(hours, r, facts.OpenedAt) : null,
        };
    }

    internal static HashSet<string> DeriveFlags(RouteInput input, RoutingFacts facts, VisibilityRules visibility)
    {
        var flags = new HashSet<string>(facts.Flags.Where(RiskFlags.All.Contains), StringComparer.Ordinal);
        if (facts.IsVip || visibility.IsVip(facts.AuthorHandle)
            || (visibility.FollowerThreshold is { } threshold && facts.AuthorFollowers >= threshold))
        {
            flags.Add(RiskFlags.Vip);
        }

        if ((visibility.RepliesPerHour is { } replies && facts.RepliesLastHour >= replies)
            || (visibility.RepostsPerHour is { } reposts && facts.RepostsLastHour >= reposts))
        {
            flags.Add(RiskFlags.Traction);
        }

        if (input.ClusterId is not null)
        {
            flags.Add(RiskFlags.Cluster);
        }

        if (facts.IsPublic)
        {
            flags.Add(RiskFlags.Public);
        }

        return flags;
    }

    internal static string EffectiveSeverity(string severity, IReadOnlySet<string> flags, VisibilityRules visibility)
    {
        var result = Severities.All.Contains(severity) ? severity : Severities.Normal;
        if (visibility.RaiseSeverityFor.Any(flags.Contains))
        {
            result = Severities.Raise(result);
        }

        if (flags.Contains(RiskFlags.Legal) || flags.Contains(RiskFlags.Safety))
        {
            result = Severities.Max(result, Severities.High);
        }

        return result;
    }

    private static ApprovalRequirement Approve(RouteRule rule, string intent, ApprovalPolicy policy, string publicMode, IReadOnlySet<string> flags, RouteInput input)
    {
        if (rule.Filtered)
        {
            return new ApprovalRequirement(false, null, policy.ToString(), "filtered as noise: nothing is sent");
        }

        var mandatory = MandatoryHumanReview.Reason(intent, flags, publicMode);
        if (policy.Kind != ApprovalPolicyKinds.AutoSend)
        {
            return new ApprovalRequirement(true, policy.ApproverRole, policy.ToString(), mandatory ?? $"the matrix requires {policy}");
        }

        if (mandatory is not null)
        {
            return new ApprovalRequirement(true, "agent", policy.ToString(), mandatory);
        }

        if (input.TriageNeedsHuman)
        {
            return new ApprovalRequirement(true, "agent", policy.ToString(), "triage asked for a person");
        }

        var min = policy.MinConfidence ?? 1.0;
        return input.Confidence >= min
            ? new ApprovalRequirement(false, null, policy.ToString(), $"confidence {input.Confidence:0.00} ≥ {min:0.00}: auto-send allowed")
            : new ApprovalRequirement(true, "agent", policy.ToString(), $"confidence {input.Confidence:0.00} < {min:0.00}");
    }
}
