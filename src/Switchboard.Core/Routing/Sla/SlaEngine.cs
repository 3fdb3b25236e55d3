namespace Switchboard.Core.Routing.Sla;

/// <summary>
/// SLA clocks as pure functions over (<see cref="CaseSlaState"/>, now): start from a routing decision, pause while
/// waiting on the customer, resume, re-apply on an owner change, stop, and evaluate for warnings and breaches.
/// The caller stores the returned state and wakes up at <see cref="SlaEvaluation.NextCheckAt"/>, so scheduled
/// work survives restarts.
/// </summary>
/// <param name="teams">Business hours and channels per team.</param>
/// <param name="warningLead">How long before the due time the warning is raised (capped at half the target).</param>
public sealed class SlaEngine(TeamDirectory teams, TimeSpan warningLead)
{
    public TimeSpan WarningLead => warningLead;

    /// <summary>The due time of a target started at <paramref name="start"/> in <paramref name="hours"/>.</summary>
    public static DateTimeOffset DueAt(BusinessHours hours, SlaTarget target, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(target);
        return target.Duration is { } duration && !target.SameDay
            ? hours.Add(start, duration)
            : hours.EndOfBusinessDay(start);
    }

    /// <summary>Starts the clocks at <paramref name="start"/> with the decision's due times.</summary>
    public CaseSlaState Start(RoutingDecision decision, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var hours = teams.Get(decision.OwnerTeam).Hours;
        return new CaseSlaState(
            Clock(SlaClockKinds.FirstResponse, decision.OwnerTeam, decision.FirstResponseDueAt),
            Clock(SlaClockKinds.Resolution, decision.OwnerTeam, decision.ResolutionDueAt),
            decision.OwnerTeam,
            decision.EscalationPath,
            decision.RuleId);

        SlaClockState? Clock(string kind, string team, DateTimeOffset? due) => due is { } d
            ? new SlaClockState(kind, team, hours.Between(start, d), TimeSpan.Zero, start, d)
            : null;
    }

    /// <summary>Pauses the running clocks (waiting on the customer): business time used so far is kept.</summary>
    public CaseSlaState Pause(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.WaitingOnCustomer)
        {
            return state;
        }

        return state with
        {
            FirstResponse = PauseClock(state.FirstResponse, now),
            Resolution = PauseClock(state.Resolution, now),
            WaitingOnCustomer = true,
        };
    }

    /// <summary>Resumes paused clocks: the due time moves by the paused stretch (in business time).</summary>
    public CaseSlaState Resume(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.WaitingOnCustomer)
        {
            return state;
        }

        return state with
        {
            FirstResponse = ResumeClock(state.FirstResponse, now),
            Resolution = ResumeClock(state.Resolution, now),
            WaitingOnCustomer = false,
        };
    }

    /// <summary>
    /// Re-applies the clocks for a new owner: time already used is kept, the new row's targets and the new team's
    /// business hours decide the remaining time. A clock whose new row has no target is dropped.
    /// </summary>
    public CaseSlaState ChangeOwner(CaseSlaState state, RoutingDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        var hours = teams.Get(decision.OwnerTeam).Hours;
        return state with
        {
            FirstResponse = Reapply(state.FirstResponse, decision.OwnerTeam, hours, decision.FirstResponseTarget, now, state.WaitingOnCustomer),
            Resolution = Reapply(state.Resolution, decision.OwnerTeam, hours, decision.ResolutionTarget, now, state.WaitingOnCustomer),
            OwnerTeam = decision.OwnerTeam,
            EscalationPath = decision.EscalationPath,
            RuleId = decision.RuleId,
        };
    }

    /// <summary>Stops the first-response clock (the first reply went out).</summary>
    public CaseSlaState RecordFirstResponse(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with { FirstResponse = Stop(state.FirstResponse, now) };
    }

    /// <summary>Stops both clocks (the case is resolved).</summary>
    public CaseSlaState RecordResolved(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            FirstResponse = Stop(state.FirstResponse, now),
            Resolution = Stop(state.Resolution, now),
            WaitingOnCustomer = false,
        };
    }

    /// <summary>Restarts the resolution clock of a reopened case with the business time it had left.</summary>
    public CaseSlaState Reopen(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Resolution is not { IsStopped: true } clock)
        {
            return state;
        }

        var hours = teams.Get(clock.Team).Hours;
        var used = clock.Consumed + (clock.RunningSince is { } since ? hours.Between(since, clock.StoppedAt!.Value) : TimeSpan.Zero);
        var remaining = Max(clock.Target - used, TimeSpan.Zero);
        var reopened = clock with
        {
            Consumed = used,
            RunningSince = now,
            DueAt = hours.Add(now, remaining),
            StoppedAt = null,
            WarnedAt = null,
        };
        return state with { Resolution = reopened, WaitingOnCustomer = false };
    }

    /// <summary>Raises each warning and breach once; the returned state records them.</summary>
    public SlaEvaluation Evaluate(CaseSlaState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var alerts = new List<SlaAlert>();
        var first = Check(state, state.FirstResponse, now, alerts);
        var resolution = Check(state, state.Resolution, now, alerts);
        var updated = state with { FirstResponse = first, Resolution = resolution };
        DateTimeOffset? next = null;
        foreach (var clock in updated.Clocks.Where(c => c.IsRunning && c.DueAt is not null && c.BreachedAt is null))
        {
            var at = clock.WarnedAt is null ? clock.DueAt!.Value - LeadFor(clock) : clock.DueAt!.Value;
            next = next is null || at < next ? at : next;
        }

        return new SlaEvaluation(updated, alerts, next);
    }

    /// <summary>The warning lead for a clock: the configured lead, but at most half its target.</summary>
    public TimeSpan LeadFor(SlaClockState clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var half = clock.Target / 2;
        return warningLead < half ? warningLead : half;
    }

    private SlaClockState? Check(CaseSlaState state, SlaClockState? clock, DateTimeOffset now, List<SlaAlert> alerts)
    {
        if (clock is not { IsRunning: true, DueAt: { } due } || clock.BreachedAt is not null)
        {
            return clock;
        }

        if (now >= due)
        {
            alerts.Add(Alert(SlaAlertKind.Breach, state, clock, due, now));
            return clock with { BreachedAt = now, WarnedAt = clock.WarnedAt ?? now };
        }

        if (clock.WarnedAt is null && now >= due - LeadFor(clock))
        {
            alerts.Add(Alert(SlaAlertKind.Warning, state, clock, due, now));
            return clock with { WarnedAt = now };
        }

        return clock;
    }

    private SlaAlert Alert(SlaAlertKind kind, CaseSlaState state, SlaClockState clock, DateTimeOffset due, DateTimeOffset now)
    {
        var notify = new List<string> { state.OwnerTeam };
        notify.AddRange(state.EscalationPath.Where(t => !notify.Contains(t)));
        var what = clock.Kind == SlaClockKinds.FirstResponse ? "first response" : "resolution";
        var text = kind == SlaAlertKind.Warning
            ? $"SLA warning: {what} due at {due:yyyy-MM-dd HH:mm} UTC ({(due - now).TotalMinutes:0} min left), owner {state.OwnerTeam}, rule {state.RuleId}."
            : $"SLA breach: {what} was due at {due:yyyy-MM-dd HH:mm} UTC, owner {state.OwnerTeam}, rule {state.RuleId}; escalating to {string.Join(", ", notify.Skip(1).DefaultIfEmpty("nobody"))}.";
        return new SlaAlert(kind, clock.Kind, due, now, notify, teams.ChannelsOf(notify), text);
    }

    private SlaClockState? PauseClock(SlaClockState? clock, DateTimeOffset now)
    {
        if (clock is not { IsRunning: true, RunningSince: { } since })
        {
            return clock;
        }

        var used = clock.Consumed + teams.Get(clock.Team).Hours.Between(since, now);
        return clock with { Consumed = used, RunningSince = null, DueAt = null };
    }

    private SlaClockState? ResumeClock(SlaClockState? clock, DateTimeOffset now)
    {
        if (clock is not { IsPaused: true })
        {
            return clock;
        }

        var remaining = Max(clock.Target - clock.Consumed, TimeSpan.Zero);
        var due = teams.Get(clock.Team).Hours.Add(now, remaining);
        // A new due time deserves a new warning.
        return clock with { RunningSince = now, DueAt = due, WarnedAt = clock.BreachedAt is null ? null : clock.WarnedAt };
    }

    private SlaClockState? Reapply(SlaClockState? clock, string team, BusinessHours hours, SlaTarget? target, DateTimeOffset now, bool paused)
    {
        if (clock is null || clock.IsStopped)
        {
            return clock;
        }

        if (target is null)
        {
            return null;
        }

        var oldHours = teams.Get(clock.Team).Hours;
        var used = clock.Consumed + (clock.RunningSince is { } since ? oldHours.Between(since, now) : TimeSpan.Zero);
        var total = target.Duration is { } duration && !target.SameDay
            ? duration
            : used + hours.Between(now, hours.EndOfBusinessDay(now));
        var remaining = Max(total - used, TimeSpan.Zero);
        var running = !paused;
        var due = running ? hours.Add(now, remaining) : (DateTimeOffset?)null;
        var fresh = due is null || due > now;
        return clock with
        {
            Team = team,
            Target = total,
            Consumed = used,
            RunningSince = running ? now : null,
            DueAt = due,
            WarnedAt = fresh ? null : clock.WarnedAt,
            BreachedAt = fresh ? null : clock.BreachedAt,
        };
    }

    private static SlaClockState? Stop(SlaClockState? clock, DateTimeOffset now) =>
        clock is null || clock.IsStopped ? clock : clock with { StoppedAt = now };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
