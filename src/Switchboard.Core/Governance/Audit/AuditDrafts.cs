using System.Text.Json;
using Switchboard.Core.Drafting;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.Core.Governance.Audit;

/// <summary>
/// Audit entries for the automatic decisions and refusals this area makes, with small before/after JSON objects.
/// Draft texts are not copied in (a private draft can hold the customer's name or order number): only template
/// ids, lengths, redaction counts and notes.
/// </summary>
public static class AuditDrafts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntryDraft RoutingDecided(long caseId, RoutingDecision decision, RoutingDecision? previous = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AuditEntryDraft(
            "system:router",
            previous is null ? "routing.decided" : "routing.changed",
            caseId,
            previous is null ? null : Summary(previous),
            Summary(decision),
            decision.AuditRule);
    }

    public static AuditEntryDraft ActionRefused(long caseId, ReviewActor actor, AuthorizationRequest request, AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var after = JsonSerializer.Serialize(new { action = request.Action, intent = request.Intent, requiredRole = request.RequiredRole, roles = actor.Roles, refusal = result.Refusal }, Json);
        return new AuditEntryDraft(actor.Id, $"review.{request.Action}.refused", caseId, null, after, result.Rule);
    }

    public static AuditEntryDraft DraftComposed(long caseId, DraftSet drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var after = JsonSerializer.Serialize(new
        {
            publicDraft = Describe(drafts.Public),
            privateDraft = Describe(drafts.Private),
            held = drafts.Held,
            needsHuman = drafts.NeedsHuman,
            notes = drafts.Notes,
        }, Json);
        var model = drafts.Public?.RewrittenBy ?? drafts.Private?.RewrittenBy;
        return new AuditEntryDraft("system:drafter", "draft.composed", caseId, null, after, model is null ? drafts.TemplateVersion : $"{drafts.TemplateVersion}+{model}");
    }

    public static AuditEntryDraft SlaAlerted(long caseId, SlaAlert alert, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var after = JsonSerializer.Serialize(new { clock = alert.Clock, dueAt = alert.DueAt, notify = alert.NotifyTeams }, Json);
        return new AuditEntryDraft("system:sla", alert.Kind == SlaAlertKind.Breach ? "sla.breached" : "sla.warned", caseId, null, after, ruleId);
    }

    public static string Summary(RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return JsonSerializer.Serialize(new
        {
            intent = decision.Intent,
            severity = decision.Severity,
            owner = decision.OwnerTeam,
            publicMode = decision.PublicMode,
            privateHandoff = decision.PrivateHandoff,
            escalationPath = decision.EscalationPath,
            firstResponseDueAt = decision.FirstResponseDueAt,
            resolutionDueAt = decision.ResolutionDueAt,
            needsHuman = decision.NeedsHuman,
            approverRole = decision.Approval.Role,
            approval = decision.Approval.Reason,
            flags = decision.Flags,
            overrides = decision.AppliedOverrides,
        }, Json);
    }

    private static object? Describe(ReplyDraft? draft) => draft is null ? null : new
    {
        template = draft.TemplateId,
        platform = draft.Platform,
        length = draft.Text.Length,
        trimmed = draft.Trimmed,
        redactions = draft.Redactions,
        rewrittenBy = draft.RewrittenBy,
    };
}
