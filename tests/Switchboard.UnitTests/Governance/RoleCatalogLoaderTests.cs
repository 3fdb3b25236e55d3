using Switchboard.Core.Governance;
using Switchboard.Core.Triage;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Governance;

public sealed class RoleCatalogLoaderTests
{
    [Fact]
    public void LoadFile_ShippedRoles_FoldInheritance()
    {
        var catalog = RoleCatalogLoader.LoadFile(RepoPaths.InRepo("config", "roles.yaml"));

        Assert.Equal(["admin", "agent", "campaign_ops", "comms", "finance_lead", "lead", "moderator", "trust_safety"], catalog.Roles.Keys.Order(StringComparer.Ordinal));
        var financeLead = catalog.Roles["finance_lead"];
        Assert.True(financeLead.CanApprove(Intents.Billing));
        Assert.True(financeLead.CanApprove(Intents.OrderStatus));
        Assert.True(financeLead.Has(Permissions.Edit));
        Assert.False(financeLead.Has(Permissions.ChangeMatrix));
        Assert.True(catalog.Roles["admin"].CanApprove(Intents.ReputationRisk));
    }

    [Fact]
    public void TryLoad_Problems_AreAllReportedWithPaths()
    {
        const string yaml = """
            roles:
              agent:
                level: boss
                permissions: [fly]
                approve: [refunds]
                inherits: [ghost]
            """;

        RoleCatalogLoader.TryLoad(yaml, out var errors);

        Assert.Equal(
            [
                "roles.version: required",
                "roles.roles.agent.level: 'boss' is not a level (agent | lead | admin)",
                "roles.roles.agent.permissions[0]: 'fly' is not a permission (approve | edit | escalate | retag | assign | resolve | reopen | change_matrix | post_publicly | moderate | campaign)",
                "roles.roles.agent.approve[0]: 'refunds' is not an intent",
                "roles.roles.agent.inherits[0]: role 'ghost' is not defined",
            ],
            errors);
    }

    [Fact]
    public void TryLoad_InheritanceCycle_IsAnError()
    {
        const string yaml = """
            version: t
            roles:
              a: { inherits: [b] }
              b: { inherits: [a] }
            """;

        RoleCatalogLoader.TryLoad(yaml, out var errors);

        Assert.Contains("roles.roles.a.inherits: inheritance cycle a → b → a", errors);
    }
}
