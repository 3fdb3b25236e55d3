using Switchboard.Core.Routing;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.UnitTests.Routing;

public sealed class RoutingOptionsValidatorTests
{
    [Fact]
    public void RuleOwnerCheck_ShippedRulesAndTeams_EveryOwnerIsATeam()
    {
        var errors = RoutingOptionsValidator.RuleOwnerCheck(RuleSet.LoadDefault(), RoutingTestConfig.Default.Teams);

        Assert.Empty(errors);
    }

    [Fact]
    public void RuleOwnerCheck_OwnerNotATeam_NamesTheRuleAndTheOwner()
    {
        var rules = RuleSet.Parse("""
            version: test-1
            rules:
              - id: legal.test
                phrases: ["lawyer"]
                intent: reputation_risk
                force: true
                owner: lawyers-r-us
            """);

        var error = Assert.Single(RoutingOptionsValidator.RuleOwnerCheck(rules, RoutingTestConfig.Default.Teams));

        Assert.Contains("'legal.test'", error, StringComparison.Ordinal);
        Assert.Contains("'lawyers-r-us'", error, StringComparison.Ordinal);
    }
}
