using Switchboard.Core.Routing;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Governance;

/// <summary>
/// Decides whether an actor may take a review action, and says why not in words a reviewer understands
/// ("you need the finance lead role to approve refunds"). Refusals are meant to be audited too.
/// </summary>
public sealed class ActionAuthorizer(RoleCatalog catalog)
{
    public RoleCatalog Catalog => catalog;

    public AuthorizationResult Authorize(ReviewActor actor, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var rule = $"{catalog.Version}:{request.Action}";
        if (actor.IsSystem)
        {
            // Components never act through review actions; automatic sends go through AuthorizeAutoSend.
            return AuthorizationResult.Refuse("automatic actors cannot take review actions", rule);
        }

        var roles = catalog.Resolve(actor.Roles);
        if (request.Action == Permissions.Approve)
        {
            return AuthorizeApproval(roles, request, rule);
        }

        if (!Permissions.Known.Contains(request.Action))
        {
            return AuthorizationResult.Refuse($"'{request.Action}' is not an action", rule);
        }

        if (roles.FirstOrDefault(r => r.Has(request.Action)) is { } granted)
        {
            return AuthorizationResult.Allow($"{rule}:{granted.Name}");
        }

        return AuthorizationResult.Refuse($"you need {RolesThatCan(r => r.Has(request.Action))} to {Permissions.Describe(request.Action)}", rule);
    }

    /// <summary>
    /// Whether a draft may go out without a person. Refunds, legal, safety, outage wording and reputation-risk
    /// replies never may, whatever the matrix says.
    /// </summary>
    public static AuthorizationResult AuthorizeAutoSend(RoutingDecision decision, IReadOnlyCollection<string>? extraFlags = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var rule = $"{decision.AuditRule}:auto_send";
        var flags = decision.Flags.Concat(extraFlags ?? []).ToList();
        if (MandatoryHumanReview.Reason(decision.Intent, flags, decision.PublicMode) is { } reason)
        {
            return AuthorizationResult.Refuse($"a human must approve this: {reason}", rule);
        }

        if (decision.Filtered)
        {
            return AuthorizationResult.Refuse("filtered cases send nothing", rule);
        }

        return decision.Approval.HumanRequired
            ? AuthorizationResult.Refuse($"a human must approve this: {decision.Approval.Reason}", rule)
            : AuthorizationResult.Allow(rule);
    }

    private AuthorizationResult AuthorizeApproval(IReadOnlyList<RoleDefinition> roles, AuthorizationRequest request, string rule)
    {
        var intent = request.Intent ?? string.Empty;
        rule = $"{rule}:{intent}";
        var required = request.RequiredRole ?? RoleLevels.Agent;
        RoleDefinition? granted;
        string refusal;
        if (required == RoleLevels.Agent)
        {
            granted = roles.FirstOrDefault(r => r.CanApprove(intent));
            refusal = $"you need {RolesThatCan(r => r.CanApprove(intent))} to approve {Noun(intent)}";
        }
        else if (required == RoleLevels.Lead)
        {
            granted = roles.FirstOrDefault(r => r.CanApprove(intent) && RoleLevels.Rank(r.Level) >= RoleLevels.Rank(RoleLevels.Lead));
            refusal = $"you need {RolesThatCan(r => r.CanApprove(intent) && r.Level == RoleLevels.Lead)} to approve {Noun(intent)}";
        }
        else
        {
            granted = roles.FirstOrDefault(r => r.IsAdmin || r.Includes.Contains(required));
            refusal = $"you need the {catalog.DisplayName(required)} role to approve {Noun(intent)}";
        }

        if (granted is null)
        {
            return AuthorizationResult.Refuse(refusal, $"{rule}:needs:{required}");
        }

        if (request.IsPublic && !roles.Any(r => r.Has(Permissions.PostPublicly)))
        {
            return AuthorizationResult.Refuse($"you need {RolesThatCan(r => r.Has(Permissions.PostPublicly))} to post publicly", $"{rule}:needs:{Permissions.PostPublicly}");
        }

        return AuthorizationResult.Allow($"{rule}:{granted.Name}");
    }

    /// <summary>"the finance lead role", "the lead or comms role"; admin is left out unless it is the only one.</summary>
    private string RolesThatCan(Func<RoleDefinition, bool> predicate)
    {
        var names = catalog.Roles.Values.Where(r => !r.IsAdmin && predicate(r)).Select(r => r.DisplayName).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            names = catalog.Roles.Values.Where(r => r.IsAdmin).Select(r => r.DisplayName).ToList();
        }

        return names.Count switch
        {
            0 => "a role that allows it",
            1 => $"the {names[0]} role",
            _ => $"the {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]} role",
        };
    }

    /// <summary>What approving a reply of this intent means, in a reviewer's words.</summary>
    public static string Noun(string intent) => intent switch
    {
        Intents.Billing => "refunds",
        Intents.TrustSafety => "safety replies",
        Intents.Outage => "outage wording",
        Intents.ReputationRisk => "reputation-risk replies",
        Intents.OrderStatus => "order-status replies",
        Intents.ProductIssue => "product-issue replies",
        Intents.PreSales => "pre-sales replies",
        Intents.PromoCampaign => "campaign replies",
        Intents.Account => "account replies",
        Intents.Feedback => "feedback replies",
        _ => $"{intent.Replace('_', ' ')} replies",
    };
}
