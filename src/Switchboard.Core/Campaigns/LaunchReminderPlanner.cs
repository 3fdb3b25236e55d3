using System.Globalization;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Decides which reminders a run owes at a moment: the T-24h and T-1h checkpoints (each only until the next one,
/// so a run started late does not get a stale T-24h), and one reminder per task still undone <see cref="OverdueGrace"/> after its due time.
/// Already-sent keys are skipped; the store records keys once, so restarts never repeat a reminder.
/// </summary>
public static class LaunchReminderPlanner
{
    public static readonly IReadOnlyList<TimeSpan> Checkpoints = [TimeSpan.FromHours(-24), TimeSpan.FromHours(-1)];

    /// <summary>
    /// A task is overdue this long after its due time, so a task due at a checkpoint is not reported twice in the
    /// same minute (once in the checkpoint list, once as overdue).
    /// </summary>
    public static readonly TimeSpan OverdueGrace = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<LaunchReminder> Due(Campaign campaign, LaunchRun run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(run);
        var due = new List<LaunchReminder>();
        for (var i = 0; i < Checkpoints.Count; i++)
        {
            var at = run.GoLive + Checkpoints[i];
            var until = i + 1 < Checkpoints.Count ? run.GoLive + Checkpoints[i + 1] : run.GoLive;
            var key = $"checkpoint:{DueOffset.Format(Checkpoints[i])}";
            if (now >= at && now < until && !run.RemindersSent.Contains(key))
            {
                var open = campaign.Checklist
                    .Where(t => run.Task(t.Id)?.State != LaunchTaskStates.Done && t.DueAt(run.GoLive) <= until)
                    .Select(t => $"{t.Task} ({t.Owner}, due {t.Due})")
                    .ToArray();
                due.Add(new LaunchReminder(key, open.Length == 0
                    ? $"{DueOffset.Format(Checkpoints[i])} checkpoint for {campaign.Title}: every task due by then is done."
                    : $"{DueOffset.Format(Checkpoints[i])} checkpoint for {campaign.Title}: {open.Length} task(s) still open: {string.Join("; ", open)}"));
            }
        }

        foreach (var task in campaign.Checklist)
        {
            var state = run.Task(task.Id);
            var dueAt = task.DueAt(run.GoLive);
            var key = $"overdue:{task.Id}";
            if (state?.State != LaunchTaskStates.Done && now > dueAt + OverdueGrace && !run.RemindersSent.Contains(key))
            {
                var blocked = state?.State == LaunchTaskStates.Blocked ? $", blocked by {state.By}" : string.Empty;
                due.Add(new LaunchReminder(key, string.Create(CultureInfo.InvariantCulture,
                    $"Overdue: {task.Task} (owner {task.Owner}, due {task.Due} = {dueAt:yyyy-MM-dd HH:mm} UTC{blocked})")));
            }
        }

        return due;
    }
}
