namespace Switchboard.Core.Review.Moderation;

/// <summary>The moderation verbs (card buttons, action tokens, playground case actions and audit event kinds).</summary>
public static class ModerationActions
{
    /// <summary>Delete the offending message.</summary>
    public const string DeleteMessage = "delete_message";

    /// <summary>Stop the author from posting for a while (Telegram: restrict; Discord: time out).</summary>
    public const string RestrictAuthor = "restrict_author";

    /// <summary>Ban the author from the group (Telegram: banChatMember; Discord: a server ban that keeps their messages by default).</summary>
    public const string BanAuthor = "ban_author";

    /// <summary>Post a warning in the conversation and pin it (Discord posts it in reply to the message; a failed pin leaves it posted and says so).</summary>
    public const string PinWarning = "pin_warning";

    public static readonly IReadOnlyList<string> All = [DeleteMessage, RestrictAuthor, BanAuthor, PinWarning];

    public static bool IsModeration(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);

    /// <summary>The words used in messages ("telegram cannot ban the author").</summary>
    public static string Describe(string action) => action switch
    {
        DeleteMessage => "delete the message",
        RestrictAuthor => "restrict the author",
        BanAuthor => "ban the author",
        PinWarning => "post a warning",
        _ => action,
    };
}
