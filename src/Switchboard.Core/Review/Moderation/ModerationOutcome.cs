namespace Switchboard.Core.Review.Moderation;

/// <summary>What a moderation step did, worded for the moderator who pressed the button.</summary>
public sealed record ModerationOutcome(bool Done, string Message)
{
    public static ModerationOutcome Refused(string message) => new(false, message);
}
