using Switchboard.Core.Governance;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.Tests;
using Switchboard.UnitTests.Routing;

namespace Switchboard.UnitTests.Governance;

public sealed class ActionAuthorizerTests
{
    private static readonly RoleCatalog Roles = RoleCatalogLoader.LoadFile(RepoPaths.InRepo("config", "roles.yaml"));
    private readonly ActionAuthorizer _authorizer = new(Roles);
    private readonly Router _router = new(RoutingTestConfig.Default);

    [Fact]
    public void Authorize_AgentApprovesRefund_IsRefusedWithTheRoleNeeded()
    {
        var decision = Route(Intents.Billing);

        var result = _authorizer.Authorize(Person("agent"), Approve(decision));

        Assert.False(result.Allowed);
        Assert.Equal("you need the finance lead role to approve refunds", result.Refusal);
        Assert.Equal("roles-2026.11-1:approve:billing:needs:finance_lead", result.Rule);
    }

    [Fact]
    public void Authorize_FinanceLeadApprovesRefund_IsAllowed()
    {
        var result = _authorizer.Authorize(Person("finance_lead"), Approve(Route(Intents.Billing)));

        Assert.True(result.Allowed);
        Assert.Equal("roles-2026.11-1:approve:billing:finance_lead", result.Rule);
    }

    [Theory]
    [InlineData(Intents.TrustSafety, "agent", "you need the trust & safety role to approve safety replies")]
    [InlineData(Intents.ReputationRisk, "lead", "you need the comms role to approve reputation-risk replies")]
    [InlineData(Intents.Outage, "agent", "you need the comms or lead role to approve outage wording")]
    [InlineData(Intents.Outage, "finance_lead", "you need the comms or lead role to approve outage wording")]
    [InlineData(Intents.OrderStatus, "moderator", "you need the agent, comms, finance lead, lead or trust & safety role to approve order-status replies")]
    public void Authorize_ApprovalWithoutTheRole_IsRefused(string intent, string role, string message)
    {
        var decision = Route(intent, confidence: 0.5);

        var result = _authorizer.Authorize(Person(role), Approve(decision));

        Assert.False(result.Allowed);
        Assert.Equal(message, result.Refusal);
    }

    [Theory]
    [InlineData(Intents.Outage, "lead")]
    [InlineData(Intents.Outage, "comms")]
    [InlineData(Intents.TrustSafety, "trust_safety")]
    [InlineData(Intents.ReputationRisk, "comms")]
    [InlineData(Intents.ProductIssue, "agent")]
    [InlineData(Intents.Billing, "admin")]
    public void Authorize_ApprovalWithTheRole_IsAllowed(string intent, string role)
    {
        var result = _authorizer.Authorize(Person(role), Approve(Route(intent)));

        Assert.True(result.Allowed, result.Refusal);
    }

    [Fact]
    public void Authorize_PublicReplyByModerator_NeedsPostPublicly()
    {
        var catalog = RoleCatalogLoader.Load("""
            version: t
            roles:
              quiet:
                approve: [feedback]
              agent:
                permissions: [post_publicly]
            """);

        var result = new ActionAuthorizer(catalog).Authorize(Person("quiet"), new AuthorizationRequest(Permissions.Approve, Intents.Feedback, "agent", IsPublic: true));

        Assert.Equal("you need the agent role to post publicly", result.Refusal);
    }

    [Theory]
    [InlineData(Permissions.ChangeMatrix, "lead", "you need the admin role to change the escalation matrix")]
    [InlineData(Permissions.Moderate, "agent", "you need the lead, moderator or trust & safety role to moderate comments")]
    [InlineData(Permissions.Resolve, "moderator", "you need the agent, comms, finance lead, lead or trust & safety role to resolve cases")]
    public void Authorize_ActionWithoutPermission_IsRefused(string action, string role, string message)
    {
        var result = _authorizer.Authorize(Person(role), new AuthorizationRequest(action));

        Assert.Equal(message, result.Refusal);
    }

    [Theory]
    [InlineData(Permissions.Retag, "moderator")]
    [InlineData(Permissions.Escalate, "agent")]
    [InlineData(Permissions.ChangeMatrix, "admin")]
    [InlineData(Permissions.Reopen, "finance_lead")]
    public void Authorize_ActionWithPermission_IsAllowed(string action, string role)
    {
        Assert.True(_authorizer.Authorize(Person(role), new AuthorizationRequest(action)).Allowed);
    }

    [Fact]
    public void Authorize_UnknownRole_GrantsNothing()
    {
        var result = _authorizer.Authorize(Person("ceo"), new AuthorizationRequest(Permissions.Edit));

        Assert.False(result.Allowed);
    }

    [Fact]
    public void Authorize_SystemActor_IsRefused()
    {
        var result = _authorizer.Authorize(new ReviewActor("system:router", ["admin"]), new AuthorizationRequest(Permissions.Edit));

        Assert.False(result.Allowed);
    }

    [Theory]
    [InlineData(Intents.Billing)]
    [InlineData(Intents.TrustSafety)]
    [InlineData(Intents.Outage)]
    [InlineData(Intents.ReputationRisk)]
    public void AuthorizeAutoSend_SensitiveIntent_AlwaysNeedsAHuman(string intent)
    {
        // Even a matrix that allowed auto-send for these would be overruled.
        var decision = Route(intent) with { Approval = new ApprovalRequirement(false, null, "auto_send>=0", "test") };

        var result = ActionAuthorizer.AuthorizeAutoSend(decision);

        Assert.False(result.Allowed);
        Assert.StartsWith("a human must approve this: ", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizeAutoSend_LegalFlagOnOrderStatus_NeedsAHuman()
    {
        var decision = Route(Intents.OrderStatus);

        var plain = ActionAuthorizer.AuthorizeAutoSend(decision);
        var legal = ActionAuthorizer.AuthorizeAutoSend(decision, [RiskFlags.Legal]);

        Assert.True(plain.Allowed);
        Assert.Equal("a human must approve this: legal triggers always need a human", legal.Refusal);
    }

    private RoutingDecision Route(string intent, double confidence = 0.95) =>
        _router.Route(
            new TriageResult(intent, Severities.Normal, confidence, "en", [], null, 0, false, [], "test"),
            new RoutingFacts("telegram", false, RoutingTestConfig.Midweek));

    private static AuthorizationRequest Approve(RoutingDecision decision) =>
        new(Permissions.Approve, decision.Intent, decision.Approval.Role, IsPublic: false);

    private static ReviewActor Person(string role) => new("user:@dana", [role]);
}
