using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Campaigns;

/// <summary>Campaign folders, the go-live window and launch-run reminders.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Switchboard:Campaigns";

    /// <summary>
    /// Folder holding one sub-folder per campaign. Relative paths resolve against the content root, then the
    /// app's base directory, then the nearest parent folder that has it (the repo root when run from source).
    /// Default <c>campaigns</c>.
    /// </summary>
    [Required]
    public string Path { get; set; } = "campaigns";

    /// <summary>Hours after each scheduled post during which messages are watched as go-live traffic. Default 6.</summary>
    [Range(1, 72)]
    public int GoLiveWindowHours { get; set; } = 6;

    /// <summary>Connector of <see cref="ReminderChannel"/>. Default null (reminders go where each run was started).</summary>
    public string? ReminderConnector { get; set; }

    /// <summary>
    /// Channel that receives every launch-run reminder (set together with <see cref="ReminderConnector"/>). Default null:
    /// each run's reminders are posted in the channel its checklist was started from.
    /// </summary>
    public string? ReminderChannel { get; set; }

    /// <summary>How often the reminder worker looks for due checkpoints and overdue tasks. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Repeated-question clusters of this many messages or more get a suggested clarification. Default 3.</summary>
    [Range(2, 1000)]
    public int RepeatedQuestionMinCount { get; set; } = 3;
}
