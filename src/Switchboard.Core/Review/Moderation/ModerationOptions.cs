using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Review.Moderation;

/// <summary>Defaults for moderation from trust &amp; safety cards.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Switchboard:Moderation";

    /// <summary>The warning a Pin warning button posts. Default: a reminder that the team never asks for codes or payment details in a DM.</summary>
    [Required]
    [StringLength(1000, MinimumLength = 1)]
    public string WarningText { get; set; } =
        "Heads-up: our team never asks for passwords, codes or payment details, and never DMs you first. Please report accounts that do.";

    /// <summary>How long Restrict/Time out lasts, in minutes (1 minute to 28 days, Discord's limit). Default 60.</summary>
    [Range(1, 28 * 24 * 60)]
    public int RestrictMinutes { get; set; } = 60;

    /// <summary>
    /// Words and phrases that make a message read as a member's report about someone else ("reported", "this is a
    /// scam", "@admin"), matched case-insensitively on word boundaries by <see cref="MemberReportDetector"/>. Delete
    /// and the author actions on such a message act on the message it replies to, or are refused. Null (the default)
    /// means <see cref="DefaultReportPhrases"/>; when set it replaces them and must hold at least one non-blank phrase.
    /// </summary>
    /// <remarks>Nullable rather than pre-filled, because the configuration binder appends to a pre-filled list instead of replacing it.</remarks>
    public List<string>? ReportPhrases { get; set; }

    /// <summary>The phrases used when <see cref="ReportPhrases"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultReportPhrases { get; } =
    [
        "report", "reported", "reporting", "reports",
        "this is a scam", "this is scam", "is a scammer", "scammer", "scammers",
        "fake account", "fake profile", "is this legit", "is this real", "beware",
        "@admin", "@admins", "admins", "@mods", "mods", "moderators", "@moderators",
        "ban this", "ban him", "ban her", "ban them", "block this", "block him", "block her",
    ];

    /// <summary>The phrases in force: <see cref="ReportPhrases"/> when set, otherwise <see cref="DefaultReportPhrases"/>.</summary>
    public IReadOnlyList<string> EffectiveReportPhrases => ReportPhrases ?? DefaultReportPhrases;
}
