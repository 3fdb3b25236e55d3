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
}
