namespace Switchboard.Connectors.Telegram;

/// <summary>What a community moderator can do from a trust &amp; safety card.</summary>
public enum TelegramModerationAction
{
    /// <summary>Delete the offending message (Telegram allows it for 48 hours).</summary>
    DeleteMessage,

    /// <summary>Take the author's right to send anything, for a while or for good.</summary>
    RestrictAuthor,

    /// <summary>Ban the author from the group.</summary>
    BanAuthor,

    /// <summary>Post a warning in the group and pin it.</summary>
    PinWarning,
}
