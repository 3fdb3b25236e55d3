namespace Switchboard.Core.Review.Moderation;

/// <summary>
/// Moderation on one chat platform (delete a message, restrict or ban its author, post a warning). A connector
/// registers one when it is enabled; <see cref="ModerationService"/> calls it only after the case, the actor's
/// moderator role and the target message have been checked, and audits what it answers.
/// </summary>
public interface IChatModerator
{
    /// <summary>The connector whose messages this moderates ("telegram", "discord"), as in <c>CaseRecord.Connector</c>.</summary>
    string Connector { get; }

    /// <summary>The <see cref="ModerationActions"/> this platform supports; the card offers only these.</summary>
    IReadOnlySet<string> Actions { get; }

    /// <summary>
    /// Checks the bot's own rights in the chat first, then acts. Refusals (a missing right, a protected target, the
    /// platform saying no) come back as an outcome that is not done and names what is missing; transient failures
    /// (rate limits, network) throw a <c>ConnectorException</c>.
    /// </summary>
    Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken);
}
