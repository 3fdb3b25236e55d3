using System.Text.Json;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Routing.Sla;

public sealed class SlaEngineTests
{
    private readonly Router _router = new(RoutingTestConfig.Default);
    private readonly SlaEngine _engine = new(RoutingTestConfig.Default.Teams, TimeSpan.FromMinutes(10));
    private readonly FakeTimeProvider _clock = new(RoutingTestConfig.Midweek);

    [Fact]
    public void Evaluate_BeforeTheWarningLead_PostsNothing()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(49));

        var result = _engine.Evaluate(state, _clock.GetUtcNow());

        Assert.Empty(result.Alerts);
        Assert.Equal(RoutingTestConfig.Midweek.AddMinutes(50), result.NextCheckAt);
    }

    [Fact]
    public void Evaluate_WarningThenBreach_EachPostedOnceToTheEscalationPath()
    {
        var state = Start(Intents.OrderStatus);

        _clock.Advance(TimeSpan.FromMinutes(50));
        var warning = _engine.Evaluate(state, _clock.GetUtcNow());
        var again = _engine.Evaluate(warning.State, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(10));
        var breach = _engine.Evaluate(again.State, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));
        var after = _engine.Evaluate(breach.State, _clock.GetUtcNow());

        var warned = Assert.Single(warning.Alerts);
        Assert.Equal(SlaAlertKind.Warning, warned.Kind);
        Assert.Equal(SlaClockKinds.FirstResponse, warned.Clock);
        Assert.Equal(["support", "support_leads"], warned.NotifyTeams);
        Assert.Empty(again.Alerts);
        var breached = Assert.Single(breach.Alerts);
        Assert.Equal(SlaAlertKind.Breach, breached.Kind);
        Assert.Equal(RoutingTestConfig.Midweek.AddHours(1), breached.DueAt);
        Assert.Contains(breached.Channels, c => c.ChannelId == "review-support-leads");
        Assert.Contains("escalating to support_leads", breached.Text, StringComparison.Ordinal);
        Assert.Empty(after.Alerts);
        Assert.False(after.State.FirstResponse!.Met);
    }

    [Fact]
    public void Evaluate_ShortTarget_CapsTheLeadAtHalf()
    {
        var engine = new SlaEngine(RoutingTestConfig.Default.Teams, TimeSpan.FromMinutes(30));
        var state = engine.Start(_router.Route(Triage(Intents.TrustSafety), Facts()), _clock.GetUtcNow());

        var result = engine.Evaluate(state, RoutingTestConfig.Midweek.AddMinutes(7.5));

        Assert.Equal(SlaAlertKind.Warning, Assert.Single(result.Alerts).Kind);
    }

    [Fact]
    public void RecordFirstResponse_BeforeDue_IsMetAndNeverAlerts()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(20));
        state = _engine.RecordFirstResponse(state, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(2));

        var result = _engine.Evaluate(state, _clock.GetUtcNow());

        Assert.True(state.FirstResponse!.Met);
        Assert.DoesNotContain(result.Alerts, a => a.Clock == SlaClockKinds.FirstResponse);
    }

    [Fact]
    public void PauseAndResume_WaitingOnCustomer_MovesTheDueTime()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(20));
        state = _engine.Pause(state, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(3));
        var whilePaused = _engine.Evaluate(state, _clock.GetUtcNow());
        state = _engine.Resume(whilePaused.State, _clock.GetUtcNow());

        Assert.Empty(whilePaused.Alerts);
        Assert.Null(whilePaused.NextCheckAt);
        Assert.True(whilePaused.State.WaitingOnCustomer);
        // 20 minutes used, 40 left from the resume at 15:20.
        Assert.Equal(RoutingTestConfig.Midweek.AddHours(4), state.FirstResponse!.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(20), state.FirstResponse.Consumed);
    }

    [Fact]
    public void Pause_OverNightAndWeekend_CountsOnlyBusinessTime()
    {
        // Finance (09:00-17:30 London) on Friday 17:00: 30 minutes left on Friday.
        var friday = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);
        var decision = _router.Route(Triage(Intents.Billing), Facts() with { OpenedAt = friday });
        var state = _engine.Start(decision, friday);
        state = _engine.Pause(state, friday.AddMinutes(10));

        state = _engine.Resume(state, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

        // 10 minutes used; 50 minutes from Monday's 09:00 opening.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 50, 0, TimeSpan.Zero), state.FirstResponse!.DueAt);
    }

    [Fact]
    public void ChangeOwner_ToAnotherTeam_ReappliesTargetsAndHours()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(50));
        state = _engine.Evaluate(state, _clock.GetUtcNow()).State;
        Assert.NotNull(state.FirstResponse!.WarnedAt);

        // A reviewer retags to trust & safety: 15-minute target, always open, already 50 minutes used.
        var retagged = _router.Route(Triage(Intents.TrustSafety), Facts());
        state = _engine.ChangeOwner(state, retagged, _clock.GetUtcNow());
        var result = _engine.Evaluate(state, _clock.GetUtcNow());

        Assert.Equal("trust_safety", state.OwnerTeam);
        Assert.Equal("trust_safety", state.FirstResponse!.Team);
        Assert.Equal(TimeSpan.FromMinutes(15), state.FirstResponse.Target);
        Assert.Equal(_clock.GetUtcNow(), state.FirstResponse.DueAt);
        Assert.Equal(SlaAlertKind.Breach, Assert.Single(result.Alerts, a => a.Clock == SlaClockKinds.FirstResponse).Kind);
    }

    [Fact]
    public void ChangeOwner_ToALongerTarget_GivesAFreshWarning()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(50));
        state = _engine.Evaluate(state, _clock.GetUtcNow()).State;

        var retagged = _router.Route(Triage(Intents.ProductIssue), Facts());
        state = _engine.ChangeOwner(state, retagged, _clock.GetUtcNow());

        Assert.Equal(RoutingTestConfig.Midweek.AddHours(2), state.FirstResponse!.DueAt);
        Assert.Null(state.FirstResponse.WarnedAt);
    }

    [Fact]
    public void ChangeOwner_WhilePaused_StaysPausedAndResumesInTheNewTeamsHours()
    {
        var state = Start(Intents.OrderStatus);
        _clock.Advance(TimeSpan.FromMinutes(10));
        state = _engine.Pause(state, _clock.GetUtcNow());

        // Retagged to billing (finance, 09:00-17:30 London, 1 hour) while waiting on the customer.
        state = _engine.ChangeOwner(state, _router.Route(Triage(Intents.Billing), Facts()), _clock.GetUtcNow());
        var paused = _engine.Evaluate(state, RoutingTestConfig.Midweek.AddHours(10));
        // The customer answers at 17:20: 50 minutes left, 10 of them today, 40 from Thursday 09:00.
        state = _engine.Resume(paused.State, new DateTimeOffset(2026, 11, 18, 17, 20, 0, TimeSpan.Zero));

        Assert.Empty(paused.Alerts);
        Assert.Null(paused.State.FirstResponse!.DueAt);
        Assert.Equal("finance", state.FirstResponse!.Team);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 9, 40, 0, TimeSpan.Zero), state.FirstResponse.DueAt);
    }

    [Fact]
    public void Reopen_AfterResolve_RestartsTheResolutionClockWithTheTimeLeft()
    {
        var state = Start(Intents.TrustSafety);
        _clock.Advance(TimeSpan.FromHours(2));
        state = _engine.RecordResolved(state, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(1));

        state = _engine.Reopen(state, _clock.GetUtcNow());

        Assert.True(state.Resolution!.IsRunning);
        // Same day for an always-open team: 12 hours to midnight, 2 used, 10 left from 15:00.
        Assert.Equal(RoutingTestConfig.Midweek.AddHours(13), state.Resolution.DueAt);
    }

    [Fact]
    public void State_JsonRoundTrip_SurvivesARestart()
    {
        var state = _engine.Pause(Start(Intents.Billing), RoutingTestConfig.Midweek.AddMinutes(5));

        var json = JsonSerializer.Serialize(state);
        var restored = JsonSerializer.Deserialize<CaseSlaState>(json);

        Assert.NotNull(restored);
        Assert.Equal(state.FirstResponse, restored.FirstResponse);
        Assert.Equal(state.EscalationPath, restored.EscalationPath);
        Assert.True(restored.WaitingOnCustomer);
    }

    private CaseSlaState Start(string intent) =>
        _engine.Start(_router.Route(Triage(intent), Facts()), _clock.GetUtcNow());

    private static RoutingFacts Facts() => new("telegram", false, RoutingTestConfig.Midweek);

    private static TriageResult Triage(string intent) =>
        new(intent, Severities.Normal, 0.95, "en", [], null, 0, false, [], "test");
}
