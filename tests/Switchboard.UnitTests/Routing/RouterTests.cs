using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Routing;

public sealed class RouterTests
{
    /// <summary>
    /// What the issue and the playbooks ask of every row of the shipped matrix. A row added to the file without a
    /// line here fails <see cref="Route_EveryShippedRow_HasAnExpectation"/>.
    /// </summary>
    private static readonly Dictionary<string, Expected> Rows = new()
    {
        ["billing"] = new("finance", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "1h", "3d", "finance_lead"),
        ["billing/dispute"] = new("finance", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "30m", "3d", "finance_lead"),
        ["order_status"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "1h", "1d", null),
        ["order_status/lost_or_damaged"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "1h", "1d", "agent"),
        ["product_issue"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "2h", "2d", "agent"),
        ["product_issue/safety_defect"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "1h", "2d", "lead"),
        ["outage"] = new("support", PublicResponseModes.StatusReply, PrivateHandoffs.IncidentLink, "1h", "1d", "lead"),
        ["outage/cluster"] = new("incident", PublicResponseModes.StatusReply, PrivateHandoffs.IncidentLink, "30m", "1d", "lead"),
        ["outage/widespread"] = new("incident", PublicResponseModes.StatusReply, PrivateHandoffs.IncidentLink, "15m", "1d", "lead"),
        ["trust_safety"] = new("trust_safety", PublicResponseModes.WarnAndCollectEvidence, PrivateHandoffs.SecureIntake, "15m", "same_day", "trust_safety"),
        ["trust_safety/critical"] = new("trust_safety", PublicResponseModes.WarnAndCollectEvidence, PrivateHandoffs.SecureIntake, "15m", "same_day", "trust_safety"),
        ["account"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "2h", "2d", "agent"),
        ["account/locked_out"] = new("support", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "1h", "2d", "agent"),
        ["pre_sales"] = new("support", PublicResponseModes.ReplyInThread, PrivateHandoffs.None, "2h", "1d", null),
        ["promo_campaign"] = new("campaign_ops", PublicResponseModes.AcknowledgeAndMoveToDm, PrivateHandoffs.TicketWithAccountContext, "2h", "1d", "agent"),
        ["reputation_risk"] = new("comms", PublicResponseModes.HoldForReview, PrivateHandoffs.InternalReview, "30m", "1d", "comms"),
        ["reputation_risk/legal_or_media"] = new("comms", PublicResponseModes.HoldForReview, PrivateHandoffs.InternalReview, "15m", "1d", "comms"),
        ["feedback"] = new("support", PublicResponseModes.ReplyInThread, PrivateHandoffs.None, "4h", "3d", null),
        ["noise"] = new("support", PublicResponseModes.None, PrivateHandoffs.None, null, null, null),
    };

    private readonly Router _router = new(RoutingTestConfig.Default);

    /// <summary>Every row of the shipped matrix: each intent's own row and each of its trigger rows.</summary>
    public static TheoryData<string, string, string, string[]> ShippedRows()
    {
        var data = new TheoryData<string, string, string, string[]>();
        foreach (var (intent, route) in RoutingTestConfig.Default.Matrix.Intents.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            data.Add(route.Default.Id, intent, Severities.Normal, []);
            foreach (var trigger in route.Triggers)
            {
                var severity = trigger.Severities.Count > 0 ? trigger.Severities[0] : Severities.Normal;
                data.Add(trigger.Rule.Id, intent, severity, [.. trigger.Flags.Take(1)]);
            }
        }

        return data;
    }

    [Fact]
    public void Route_EveryShippedRow_HasAnExpectation()
    {
        var ids = ShippedRows().Select(row => (string)((ITheoryDataRow)row).GetData()[0]!).Order(StringComparer.Ordinal);

        Assert.Equal(Rows.Keys.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [MemberData(nameof(ShippedRows))]
    public void Route_ShippedRow_FollowsTheMatrix(string ruleId, string intent, string severity, string[] flags)
    {
        var expected = Rows[ruleId];
        var triage = Triage(intent, severity, confidence: 0.95, clusterId: flags.Contains(RiskFlags.Cluster) ? "c-1" : null);
        var facts = new RoutingFacts("telegram", false, RoutingTestConfig.Midweek) { Flags = flags.Where(f => f != RiskFlags.Cluster).ToList() };

        var decision = _router.Route(triage, facts);

        Assert.Equal(ruleId, decision.RuleId);
        Assert.Equal(expected.Owner, decision.OwnerTeam);
        Assert.Equal(expected.PublicMode, decision.PublicMode);
        Assert.Equal(expected.Handoff, decision.PrivateHandoff);
        Assert.Equal(expected.FirstResponse, decision.FirstResponseTarget?.ToString());
        Assert.Equal(expected.Resolution, decision.ResolutionTarget?.ToString());
        Assert.Equal(expected.ApproverRole, decision.Approval.Role);
        Assert.Equal(expected.ApproverRole is not null, decision.NeedsHuman);
        Assert.Equal(RoutingTestConfig.Default.Teams.Get(expected.Owner).ReviewChannels, decision.ReviewChannels);
        Assert.Equal($"matrix-2026.11-1:{ruleId}", decision.AuditRule);
        Assert.Equal(intent == Intents.Noise, decision.Filtered);
        if (decision.FirstResponseTarget is { Duration: { } first, SameDay: false })
        {
            // Midweek noon every owner team is open, so short targets are plain wall-clock offsets.
            Assert.Equal(RoutingTestConfig.Midweek + first, decision.FirstResponseDueAt);
        }

        if (decision.ResolutionTarget is { } resolution)
        {
            var hours = RoutingTestConfig.Default.Teams.Get(expected.Owner).Hours;
            Assert.Equal(SlaEngine.DueAt(hours, resolution, RoutingTestConfig.Midweek), decision.ResolutionDueAt);
        }
    }

    [Fact]
    public void Route_TrustAndSafety_Is15MinutesAndSameDay()
    {
        var decision = _router.Route(Triage(Intents.TrustSafety, Severities.High), Facts());

        Assert.Equal(RoutingTestConfig.Midweek.AddMinutes(15), decision.FirstResponseDueAt);
        // trust & safety is always open (UTC): same day ends at midnight.
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero), decision.ResolutionDueAt);
        Assert.Equal(["legal"], decision.EscalationPath);
    }

    [Fact]
    public void Route_OutageCluster_GoesToTheIncidentOwnerWithOneStatusReply()
    {
        var decision = _router.Route(Triage(Intents.Outage, Severities.High, clusterId: "outage-42"), Facts());

        Assert.Equal("incident", decision.OwnerTeam);
        Assert.True(decision.OneReplyPerCluster);
        Assert.Equal(PublicResponseModes.StatusReply, decision.PublicMode);
        Assert.Contains(RiskFlags.Cluster, decision.Flags);
        Assert.Equal("outage wording always needs a human", decision.Approval.Reason);
    }

    [Fact]
    public void Route_FollowerCountAtThreshold_RaisesSeverityAndTightensTheRow()
    {
        var facts = Facts() with { AuthorFollowers = 50_000 };

        var decision = _router.Route(Triage(Intents.Billing, Severities.Normal), facts);

        Assert.Equal(Severities.High, decision.Severity);
        Assert.Equal("billing/dispute", decision.RuleId);
        Assert.Equal(["high_visibility"], decision.AppliedOverrides);
        Assert.Equal(RoutingTestConfig.Midweek.AddMinutes(30), decision.FirstResponseDueAt);
        Assert.Contains("comms", decision.EscalationPath);
        // lead_approval is looser than the finance lead role, so the row's role stays.
        Assert.Equal("finance_lead", decision.Approval.Role);
    }

    [Fact]
    public void Route_FollowerCountBelowThreshold_ChangesNothing()
    {
        var decision = _router.Route(Triage(Intents.OrderStatus, Severities.Normal), Facts() with { AuthorFollowers = 49_999 });

        Assert.Equal("order_status", decision.RuleId);
        Assert.Empty(decision.AppliedOverrides);
        Assert.False(decision.NeedsHuman);
    }

    [Theory]
    [InlineData("@Switchboard_VIP_Example", 0, 0)]
    [InlineData("someone", 25, 0)]
    [InlineData("someone", 0, 50)]
    public void Route_VipOrTraction_NeedsALeadAndEscalatesToComms(string handle, int replies, int reposts)
    {
        var facts = Facts() with { AuthorHandle = handle, RepliesLastHour = replies, RepostsLastHour = reposts };

        var decision = _router.Route(Triage(Intents.PreSales, Severities.Low, confidence: 0.99), facts);

        Assert.Equal(Severities.Normal, decision.Severity);
        Assert.True(decision.NeedsHuman);
        Assert.Equal("lead", decision.Approval.Role);
        Assert.Equal(["support_leads", "comms"], decision.EscalationPath);
        Assert.Equal(RoutingTestConfig.Midweek.AddMinutes(30), decision.FirstResponseDueAt);
    }

    [Fact]
    public void Route_LegalTrigger_HoldsForCommsAndAddsLegal()
    {
        var facts = Facts() with { Flags = RiskFlags.Detect("I'm calling my lawyer about this double charge") };

        var decision = _router.Route(Triage(Intents.Billing, Severities.Normal), facts);

        Assert.Equal(Severities.High, decision.Severity);
        Assert.Equal(PublicResponseModes.HoldForReview, decision.PublicMode);
        Assert.Equal("comms", decision.Approval.Role);
        Assert.Equal("legal triggers always need a human", decision.Approval.Reason);
        Assert.Contains("legal", decision.EscalationPath);
        Assert.Contains("legal_trigger", decision.AppliedOverrides);
    }

    [Fact]
    public void Route_SafetyTriggerOnAutoSendIntent_NeedsTrustAndSafety()
    {
        var facts = Facts() with { Flags = RiskFlags.Detect("the charger started to smoke and overheat") };

        var decision = _router.Route(Triage(Intents.PreSales, Severities.Low, confidence: 0.99), facts);

        Assert.True(decision.NeedsHuman);
        Assert.Equal("trust_safety", decision.Approval.Role);
        Assert.Equal(RoutingTestConfig.Midweek.AddMinutes(15), decision.FirstResponseDueAt);
    }

    [Theory]
    [InlineData(0.95, false, false)]
    [InlineData(0.90, false, false)]
    [InlineData(0.89, false, true)]
    [InlineData(0.99, true, true)]
    public void Route_AutoSendRow_DependsOnConfidenceAndTriage(double confidence, bool triageNeedsHuman, bool needsHuman)
    {
        var triage = Triage(Intents.OrderStatus, Severities.Normal, confidence) with { NeedsHuman = triageNeedsHuman };

        var decision = _router.Route(triage, Facts());

        Assert.Equal(needsHuman, decision.NeedsHuman);
        Assert.Equal(needsHuman ? "agent" : null, decision.Approval.Role);
        Assert.Equal("auto_send>=0.9", decision.Approval.Policy);
    }

    [Fact]
    public void Route_UnknownIntent_IsTreatedAsNoise()
    {
        var decision = _router.Route(Triage("astrology", Severities.Normal), Facts());

        Assert.True(decision.Filtered);
        Assert.Null(decision.FirstResponseDueAt);
    }

    [Fact]
    public void Route_FinanceOnFridayEvening_DueNextMonday()
    {
        var friday = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);

        var decision = _router.Route(Triage(Intents.Billing, Severities.Normal), Facts() with { OpenedAt = friday });

        // Finance works 09:00-17:30 London: 30 minutes on Friday, 30 on Monday.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), decision.FirstResponseDueAt);
    }

    [Fact]
    public void Route_TriageRuleNamesAnOwner_ThatTeamOwnsTheCase()
    {
        var triage = Triage(Intents.ProductIssue, Severities.Critical) with { ForcedOwner = "trust_safety" };

        var decision = _router.Route(triage, Facts());

        Assert.Equal("trust_safety", decision.OwnerTeam);
        Assert.Equal("trust_safety", decision.OwnerForcedBy);
        Assert.Equal(RoutingTestConfig.Default.Teams.Get("trust_safety").ReviewChannels, decision.ReviewChannels);
        Assert.DoesNotContain("trust_safety", decision.EscalationPath);
        Assert.Equal(Intents.ProductIssue, decision.Intent);
    }

    [Fact]
    public void Route_ForcedOwnerIsNotATeam_MatrixRowDecides()
    {
        var decision = _router.Route(Triage(Intents.Billing, Severities.Normal) with { ForcedOwner = "nobody" }, Facts());

        Assert.Equal("finance", decision.OwnerTeam);
        Assert.Null(decision.OwnerForcedBy);
    }

    [Fact]
    public void Escalate_ForcedOwner_StaysWithThatTeamAndWalksThePath()
    {
        var first = _router.Route(Triage(Intents.Billing, Severities.Normal) with { ForcedOwner = "legal" }, Facts());

        var escalated = _router.Escalate(first, Facts());

        Assert.Equal("legal", first.OwnerTeam);
        Assert.NotEqual("finance", escalated.OwnerTeam);
        Assert.Equal(first.EscalationPath[0], escalated.OwnerTeam);
    }

    [Fact]
    public void Escalate_SameOwnerAfterRaise_MovesAlongTheEscalationPath()
    {
        var first = _router.Route(Triage(Intents.Billing, Severities.Normal), Facts());

        var escalated = _router.Escalate(first, Facts());

        Assert.Equal(Severities.High, escalated.Severity);
        Assert.Equal("finance_leads", escalated.OwnerTeam);
        Assert.Equal("billing/dispute+escalated", escalated.RuleId);
        Assert.DoesNotContain("finance_leads", escalated.EscalationPath);
        Assert.True(escalated.NeedsHuman);
    }

    [Fact]
    public void Escalate_Twice_KeepsMovingAlongThePath()
    {
        var first = _router.Route(Triage(Intents.Billing, Severities.Normal), Facts());

        var once = _router.Escalate(first, Facts());
        var twice = _router.Escalate(once, Facts());
        var end = _router.Escalate(_router.Escalate(twice, Facts()), Facts());

        Assert.Equal(["support_leads", "comms"], once.EscalationPath);
        Assert.Equal("support_leads", twice.OwnerTeam);
        Assert.Equal(Severities.Critical, twice.Severity);
        Assert.Equal(["comms"], twice.EscalationPath);
        Assert.Equal("comms", end.OwnerTeam);
        Assert.Empty(end.EscalationPath);
        Assert.Equal("billing/dispute+escalated", end.RuleId);
    }

    [Fact]
    public void Escalate_RowWithNewOwner_TakesThatOwner()
    {
        var first = _router.Route(Triage(Intents.Outage, Severities.High), Facts());

        var escalated = _router.Escalate(first, Facts());

        Assert.Equal("outage/widespread", escalated.RuleId);
        Assert.Equal("incident", escalated.OwnerTeam);
    }

    private static RoutingFacts Facts() => new("x", true, RoutingTestConfig.Midweek);

    private static TriageResult Triage(string intent, string severity, double confidence = 0.9, string? clusterId = null) =>
        new(intent, severity, confidence, "en", [], clusterId, clusterId is null ? 0 : 5, false, [], "test-model");

    private sealed record Expected(string Owner, string PublicMode, string Handoff, string? FirstResponse, string? Resolution, string? ApproverRole);
}
