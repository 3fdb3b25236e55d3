namespace Switchboard.Core.Campaigns;

/// <summary>A reminder due for a run: <see cref="Key"/> makes it once-only ("checkpoint:T-24h", "overdue:code-test").</summary>
public sealed record LaunchReminder(string Key, string Text);
