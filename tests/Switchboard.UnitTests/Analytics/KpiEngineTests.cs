using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Analytics;

/// <summary>
/// The KPI engine on a hand-built week of seven cases whose answers are worked out by hand below:
/// a reopen, a retag that moves the case between teams, an escalation, paused SLA clocks, noise,
/// an edit, an auto-approved reply, a CSAT rating, and a case opened before the range.
/// </summary>
public sealed class KpiEngineTests
{
    // Monday 2026-11-16 00:00 UTC; the range is that week, read three days after it ended.
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(10);
    private static readonly KpiFilter Week = new(T0, T0.AddDays(7));

    private static readonly AnalyticsOptions Options = new()
    {
        Campaigns = new(StringComparer.OrdinalIgnoreCase) { ["launch"] = ["preorder"] },
    };

    [Fact]
    public void Compute_HandBuiltWeek_DurationsMatchHandComputedValues()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        // Cohort: cases 1–6 opened in the week (case 7 opened the day before). Case 3 is noise: never queued.
        Assert.Equal(6, report.Range.CasesOpened);
        // FRT: c1 30m, c2 60m, c4 50m (pauses do not shorten it), c5 0 (auto), c6 60m → [0, 1800, 3000, 3600, 3600].
        Assert.Equal(new KpiReport.Duration(3000, 3600, 5), report.FirstResponseTime);
        // Handling: review rounds per case: c1 30m; c2 20m to the retag + 40m to the edit; c4 50m; c6 10m + 50m.
        Assert.Equal(new KpiReport.Duration(3300, 3600, 4), report.HandlingTime);
        // Resolution: c1 5h after opening (its last resolution, after the reopen), c4 27h.
        Assert.Equal(new KpiReport.Duration((18_000 + 97_200) / 2.0, 97_200, 2), report.TimeToResolution);
    }

    [Fact]
    public void Compute_HandBuiltWeek_RatesMatchHandComputedValues()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        Assert.Equal(new KpiReport.Rate(1, 2, 0.5), report.ReopenRate);
        // Seven messages arrived in the week (case 1 twice), one filtered as noise.
        Assert.Equal(new KpiReport.Rate(1, 7, 0.1429), report.NoiseFilteredRate);
        // Reviewed by a person: c1, c2, c4, c6; only c2 changed intent (order_status → billing).
        Assert.Equal(new KpiReport.Rate(3, 4, 0.75), report.AutoTagAgreement);
        // Queued cases: c2 (support → finance by retag) and c6 (support → engineering by escalation) moved.
        Assert.Equal(new KpiReport.Rate(3, 5, 0.6), report.RoutingAccuracy);
        Assert.Equal(new KpiReport.Rate(1, 5, 0.2), report.AutoResolutionRate);
        // Person decisions on drafts: approved by @fin, @cora, @eve; edited by @dana.
        Assert.Equal(new KpiReport.Rate(1, 4, 0.25), report.DraftEditRate);
        Assert.Equal(1, report.Csat.Responses);
        Assert.Equal(5, report.Csat.Average);
        Assert.Equal(new[] { 0, 0, 0, 0, 1 }, report.Csat.Distribution);
        Assert.Contains(new KpiReport.ConfusionCell("order_status", "billing", 1), report.IntentConfusion);
        Assert.Equal(4, report.IntentConfusion.Sum(c => c.Count));
    }

    [Fact]
    public void Compute_HandBuiltWeek_SlaAdherenceHonoursPausedClocks()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        Assert.Equal(new[] { "billing", "outage", "pre_sales", "product_issue" }, report.SlaAdherenceByIntent.Keys);
        var billing = report.SlaAdherenceByIntent["billing"];
        // c1 replied at 30m of 60m; c2 at exactly its 60m due time (met). c1 resolved in 5h of 48h; c2 still open past 48h.
        Assert.Equal(new KpiReport.SlaOutcome(2, 0, 0, 1), billing.FirstResponse);
        Assert.Equal(new KpiReport.SlaOutcome(1, 1, 0, 0.5), billing.Resolution);
        var outage = report.SlaAdherenceByIntent["outage"];
        // Reply at 50m against a 30m target, but the clock was paused 30m: 20m counts, so met.
        Assert.Equal(new KpiReport.SlaOutcome(1, 0, 0, 1), outage.FirstResponse);
        // Resolved at 27h against 24h: 26.5h after the pause, still breached.
        Assert.Equal(new KpiReport.SlaOutcome(0, 1, 0, 0), outage.Resolution);
        Assert.Equal(new KpiReport.SlaOutcome(0, 1, 0, 0), report.SlaAdherenceByIntent["pre_sales"].Resolution);
    }

    [Fact]
    public void Compute_SameWeekWithoutThePause_OutageFirstResponseBreached()
    {
        var cases = Week7().Select(c => c.Case.Id == 4
            ? c with { Events = [.. c.Events.Where(e => e.Kind is not (CaseEventKinds.SlaPaused or CaseEventKinds.SlaResumed))] }
            : c);

        var report = KpiEngine.Compute(cases, Week, Options, Now);

        Assert.Equal(new KpiReport.SlaOutcome(0, 1, 0, 0), report.SlaAdherenceByIntent["outage"].FirstResponse);
    }

    [Fact]
    public void Compute_HandBuiltWeek_BacklogAtEndOfRangeIncludesOlderCase()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        // Open at the end of the week: c2 (6d23h old), c5 (6d20h), c6 (6d19h), c7 (8d); c1 and c4 resolved, c3 filtered.
        Assert.Equal(4, report.Backlog.Open);
        Assert.Equal((590_400 + 601_200) / 2.0, report.Backlog.AgeMedianSeconds);
        Assert.Equal(691_200, report.Backlog.AgeP90Seconds);
        Assert.Equal(691_200, report.Backlog.OldestSeconds);
        Assert.Equal(new Dictionary<string, int> { ["engineering"] = 1, ["finance"] = 2, ["support"] = 1 }, report.Backlog.ByTeam.ToDictionary());
        Assert.Equal(new long[] { 7, 2, 5, 6 }, report.Queue.Select(q => q.CaseId));
    }

    [Fact]
    public void Compute_HandBuiltWeek_ReviewerLoadSplitsRoutineAndExceptionsByQueueAndPerson()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        Assert.Equal(
            new[]
            {
                new KpiReport.QueueLoad("engineering", 2, 3, 0),
                new KpiReport.QueueLoad("finance", 2, 3, 1),
                new KpiReport.QueueLoad("support", 2, 0, 2),
            },
            report.ReviewerLoad.ByQueue);
        Assert.Equal(
            new[]
            {
                new KpiReport.PersonLoad("@cora", 2, 0, 2),
                new KpiReport.PersonLoad("@dana", 0, 1, 1),
                new KpiReport.PersonLoad("@eve", 1, 0, 1),
                new KpiReport.PersonLoad("@fin", 3, 0, 3),
                new KpiReport.PersonLoad("@sam", 0, 2, 2),
            },
            report.ReviewerLoad.ByPerson);
    }

    [Fact]
    public void Compute_HandBuiltWeek_VolumeByHourPlatformAndPeak()
    {
        var report = KpiEngine.Compute(Week7(), Week, Options, Now);

        Assert.Equal(new[] { 1, 1, 1, 2, 1, 1 }.Concat(new int[18]), report.VolumeByHour);
        Assert.Equal(3, report.PeakHour);
        Assert.Equal(new Dictionary<string, int> { ["discord"] = 2, ["slack"] = 1, ["telegram"] = 3, ["x"] = 1 }, report.VolumeByPlatform.ToDictionary());
        Assert.Equal(1, report.FirstResponseDistribution.Single(b => b.Label == "≤1m").Count);
        Assert.Equal(4, report.FirstResponseDistribution.Single(b => b.Label == "≤1h").Count);
    }

    [Fact]
    public void Compute_PlatformFilter_OnlyThatPlatformsCases()
    {
        var report = KpiEngine.Compute(Week7(), Week with { Platform = "telegram" }, Options, Now);

        // c1 (30m) and c6 (60m).
        Assert.Equal(2, report.Range.CasesOpened);
        Assert.Equal(new KpiReport.Duration(2700, 3600, 2), report.FirstResponseTime);
    }

    [Fact]
    public void Compute_TeamAndIntentFilters_UseTheCurrentOwnerAndIntent()
    {
        var finance = KpiEngine.Compute(Week7(), Week with { Team = "finance" }, Options, Now);
        var billing = KpiEngine.Compute(Week7(), Week with { Intent = "billing" }, Options, Now);

        // c1, c2 (moved to finance by the retag) and c7 (before the range, so only in the backlog).
        Assert.Equal(2, finance.Range.CasesOpened);
        Assert.Equal(2, finance.Backlog.Open);
        Assert.Equal(2, billing.Range.CasesOpened);
        Assert.Equal(new KpiReport.Rate(1, 2, 0.5), billing.AutoTagAgreement);
    }

    [Fact]
    public void Compute_CampaignFilter_TriageTagFirstThenConfiguredKeywords()
    {
        var tagged = KpiEngine.Compute(Week7(), Week with { Campaign = "blackfriday" }, Options, Now);
        var keyword = KpiEngine.Compute(Week7(), Week with { Campaign = "launch" }, Options, Now);

        Assert.Equal(1, tagged.Range.CasesOpened);
        Assert.Equal(new KpiReport.Rate(1, 1, 1), tagged.AutoResolutionRate);
        Assert.Equal(1, keyword.Range.CasesOpened);
        Assert.Equal(new KpiReport.Duration(3600, 3600, 1), keyword.FirstResponseTime);
    }

    [Fact]
    public void Compute_CampaignFilter_CaseTaggedByTheCampaignStep_CountsWithoutKeywords()
    {
        var c = new CaseLog(8, T0, 60, "telegram").Opened("LAUNCH20 says invalid")
            .Triage(0, "promo_campaign").Route(0, null, "campaign_ops")
            .Event(0, CaseEventKinds.CampaignTagged, "system:campaign", """{"campaign":"maya-launch20","codes":[],"handles":[],"landingPage":false}""")
            .Requested(0, "campaign_ops");
        c.With(x => x with { Intent = "promo_campaign", OwnerTeam = "campaign_ops", FirstOwnerTeam = "campaign_ops", FirstResponseDueAt = c.At(120), ResolutionDueAt = c.At(24 * 60) });

        var report = KpiEngine.Compute([.. Week7(), c.Build()], Week with { Campaign = "maya-launch20" }, Options, Now);

        Assert.Equal(1, report.Range.CasesOpened);
    }

    [Fact]
    public void Compute_NoCases_EveryRateAndDurationIsNullNotZero()
    {
        var report = KpiEngine.Compute([], Week, Options, Now);

        Assert.Equal(new KpiReport.Duration(null, null, 0), report.FirstResponseTime);
        Assert.Equal(new KpiReport.Rate(0, 0, null), report.NoiseFilteredRate);
        Assert.Null(report.PeakHour);
        Assert.Equal(0, report.Backlog.Open);
    }

    [Fact]
    public void Compute_CostInputsConfigured_CostPerResolvedCaseAndEstimates()
    {
        var options = new AnalyticsOptions { WeeklyStaffingCost = 1000, AverageOrderValue = 80, PreSalesConversionRate = 0.25, AverageRefundValue = 40, RefundSaveRate = 0.5 };

        var cost = KpiEngine.Compute(Week7(), Week, options, Now).Cost;

        // Two resolved cases (c1, c4) share a week of staffing; one pre-sales case answered; one billing case resolved (c1).
        Assert.Equal(new KpiReport.CostStats("EUR", 1000, 2, 500, 20, 20), cost);
    }

    private static List<AnalyticsCase> Week7()
    {
        var c1 = new CaseLog(1, T0, 0, "telegram").Opened()
            .Triage(0, "billing", needsHuman: true).Route(0, null, "finance").Requested(0, "finance")
            .Event(30, CaseEventKinds.Approved, "user:@fin").Event(30, CaseEventKinds.ReplyQueued, "user:@fin")
            .Event(120, CaseEventKinds.Resolved, "user:@fin")
            .Event(180, CaseEventKinds.MessageReceived).Triage(180, "billing", needsHuman: true)
            .Event(300, CaseEventKinds.Resolved, "user:@fin")
            .Event(360, CaseEventKinds.CsatRated, "customer", """{"score":5}""");
        c1.With(c => c with { Status = CaseStatus.Resolved, Intent = "billing", OwnerTeam = "finance", FirstOwnerTeam = "finance", FirstResponseDueAt = c1.At(60), ResolutionDueAt = c1.At(48 * 60) });

        var c2 = new CaseLog(2, T0, 60, "x").Opened()
            .Triage(0, "order_status").Route(0, null, "support").Requested(0, "support")
            .Event(20, CaseEventKinds.Retagged, "user:@sam", """{"from":"order_status","to":"billing"}""").Route(20, "support", "finance", "user:@sam")
            .Event(60, CaseEventKinds.Edited, "user:@dana").Event(60, CaseEventKinds.ReplyQueued, "user:@dana");
        c2.With(c => c with { Status = CaseStatus.Replied, Intent = "billing", OwnerTeam = "finance", FirstOwnerTeam = "support", FirstResponseDueAt = c2.At(60), ResolutionDueAt = c2.At(48 * 60) });

        var c3 = new CaseLog(3, T0, 120, "discord").Opened()
            .Triage(0, "noise").Route(0, null, "support").Event(0, CaseEventKinds.ReviewFiltered, "system:review");
        c3.With(c => c with { Status = CaseStatus.Resolved, Intent = "noise", OwnerTeam = "support", FirstOwnerTeam = "support", FirstResponseDueAt = c3.At(1440), ResolutionDueAt = c3.At(72 * 60) });

        var c4 = new CaseLog(4, T0, 180, "discord").Opened()
            .Triage(0, "outage", needsHuman: true).Route(0, null, "engineering").Requested(0, "engineering")
            .Event(10, CaseEventKinds.SlaPaused, "user:@cora").Event(40, CaseEventKinds.SlaResumed, "user:@cora")
            .Event(50, CaseEventKinds.Approved, "user:@cora").Event(50, CaseEventKinds.ReplyQueued, "user:@cora")
            .Event(27 * 60, CaseEventKinds.Resolved, "user:@cora");
        c4.With(c => c with { Status = CaseStatus.Resolved, Intent = "outage", OwnerTeam = "engineering", FirstOwnerTeam = "engineering", FirstResponseDueAt = c4.At(30), ResolutionDueAt = c4.At(24 * 60) });

        var c5 = new CaseLog(5, T0, 240, "slack").Opened()
            .Triage(0, "pre_sales", campaign: "blackfriday").Route(0, null, "support")
            .Event(0, CaseEventKinds.AutoApproved, "system:review").Event(0, CaseEventKinds.ReplyQueued, "system:send");
        c5.With(c => c with { Status = CaseStatus.Replied, Intent = "pre_sales", OwnerTeam = "support", FirstOwnerTeam = "support", FirstResponseDueAt = c5.At(120), ResolutionDueAt = c5.At(24 * 60) });

        var c6 = new CaseLog(6, T0, 300, "telegram").Opened("my preorder broke")
            .Triage(0, "product_issue").Route(0, null, "support").Requested(0, "support")
            .Event(10, CaseEventKinds.Escalated, "user:@sam", """{"fromTeam":"support","toTeam":"engineering"}""")
            .Event(60, CaseEventKinds.Approved, "user:@eve").Event(60, CaseEventKinds.ReplyQueued, "user:@eve");
        c6.With(c => c with { Status = CaseStatus.Replied, Intent = "product_issue", OwnerTeam = "engineering", FirstOwnerTeam = "support", FirstResponseDueAt = c6.At(120), ResolutionDueAt = c6.At(72 * 60) });

        var c7 = new CaseLog(7, T0, -24 * 60, "x").Opened()
            .Triage(0, "billing", needsHuman: true).Route(0, null, "finance").Requested(0, "finance");
        c7.With(c => c with { Intent = "billing", OwnerTeam = "finance", FirstOwnerTeam = "finance", FirstResponseDueAt = c7.At(60), ResolutionDueAt = c7.At(48 * 60) });

        return [c1.Build(), c2.Build(), c3.Build(), c4.Build(), c5.Build(), c6.Build(), c7.Build()];
    }
}
