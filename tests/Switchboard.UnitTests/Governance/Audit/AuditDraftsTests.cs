using System.Text.Json;
using Switchboard.Core.Governance;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.UnitTests.Drafting;
using Switchboard.UnitTests.Routing;

namespace Switchboard.UnitTests.Governance.Audit;

public sealed class AuditDraftsTests
{
    [Fact]
    public void RoutingDecided_OwnerChange_RecordsBeforeAfterAndRule()
    {
        var first = DraftingTestConfig.Route(Intents.OrderStatus);
        var moved = DraftingTestConfig.Route(Intents.Billing);

        var draft = AuditDrafts.RoutingDecided(42, moved, first);
        var entry = AuditChain.Append(null, draft, RoutingTestConfig.Midweek);

        Assert.Equal("routing.changed", entry.Action);
        Assert.Equal("matrix-2026.11-1:billing", entry.RuleOrModel);
        Assert.Equal("support", JsonDocument.Parse(entry.Before!).RootElement.GetProperty("owner").GetString());
        Assert.Equal("finance", JsonDocument.Parse(entry.After!).RootElement.GetProperty("owner").GetString());
        Assert.True(AuditChain.Verify([entry]).Ok);
    }

    [Fact]
    public void DraftComposed_NeverCopiesDraftText()
    {
        var drafts = DraftingTestConfig.Drafter().Compose(new Core.Drafting.DraftRequest(DraftingTestConfig.Route(Intents.Billing), "x", true, "charged twice", [])
        {
            CustomerName = "Dana Kowalski",
            Reference = "A-99812",
        });

        var draft = AuditDrafts.DraftComposed(42, drafts);

        Assert.DoesNotContain("Dana", draft.After, StringComparison.Ordinal);
        Assert.DoesNotContain("A-99812", draft.After, StringComparison.Ordinal);
        Assert.Contains("billing.private", draft.After, StringComparison.Ordinal);
        Assert.Equal("templates-2026.11-1", draft.RuleOrModel);
    }

    [Fact]
    public void ActionRefused_CarriesTheRefusal()
    {
        var request = new AuthorizationRequest(Permissions.Approve, Intents.Billing, "finance_lead");
        var result = AuthorizationResult.Refuse("you need the finance lead role to approve refunds", "roles-v1:approve:billing:needs:finance_lead");

        var draft = AuditDrafts.ActionRefused(42, new ReviewActor("user:@sam", ["agent"]), request, result);

        Assert.Equal("review.approve.refused", draft.Action);
        Assert.Equal("user:@sam", draft.Actor);
        Assert.Contains("you need the finance lead role to approve refunds", draft.After, StringComparison.Ordinal);
    }
}
