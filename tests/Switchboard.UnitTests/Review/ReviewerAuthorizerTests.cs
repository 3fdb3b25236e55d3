using Microsoft.Extensions.Options;
using Switchboard.Core.Review;

namespace Switchboard.UnitTests.Review;

public sealed class ReviewerAuthorizerTests
{
    private static ReviewerAuthorizer Authorizer()
    {
        var options = new ReviewerOptions { Roles = { ["fin"] = ["finance_lead"], ["sam"] = ["agent"] } };
        return new ReviewerAuthorizer(new StaticMonitor(options));
    }

    [Fact]
    public void Refusal_AgentApprovesRefund_NamesTheRoleNeeded()
    {
        var authorizer = Authorizer();

        var refusal = authorizer.Refusal(authorizer.RolesOf("sam", "@sam"), "approve", "billing");

        Assert.Equal("You need the finance lead or lead or admin role to approve billing replies.", refusal);
    }

    [Fact]
    public void Refusal_FinanceLeadApprovesRefund_Allowed()
    {
        var authorizer = Authorizer();

        Assert.Null(authorizer.Refusal(authorizer.RolesOf("fin", null), "approve", "billing"));
    }

    [Fact]
    public void Refusal_AgentApprovesOrderStatusOrEscalatesRefund_Allowed()
    {
        var authorizer = Authorizer();
        var roles = authorizer.RolesOf("unknown-person", null);

        Assert.Equal(["agent"], roles);
        Assert.Null(authorizer.Refusal(roles, "approve", "order_status"));
        Assert.Null(authorizer.Refusal(roles, "escalate", "billing"));
    }

    private sealed class StaticMonitor(ReviewerOptions value) : IOptionsMonitor<ReviewerOptions>
    {
        public ReviewerOptions CurrentValue => value;

        public ReviewerOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReviewerOptions, string?> listener) => null;
    }
}
