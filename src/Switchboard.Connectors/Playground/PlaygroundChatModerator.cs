using Switchboard.Core.Review.Moderation;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Playground;

/// <summary>
/// Moderation in the playground's simulated channels: there is no platform to call, so each action posts a notice
/// into the channel saying what a real connector would have done. The governance checks and the audit entries are
/// the real ones, which is what a demo of moderation needs to show.
/// </summary>
internal sealed class PlaygroundChatModerator(IPlaygroundFeedStore feed, TimeProvider time) : IChatModerator
{
    private static readonly IReadOnlySet<string> Supported = new HashSet<string>(ModerationActions.All, StringComparer.Ordinal);

    public string Connector => PlaygroundConnector.ConnectorName;

    public IReadOnlySet<string> Actions => Supported;

    public async Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (notice, outcome) = request.Action switch
        {
            ModerationActions.DeleteMessage => ("🗑 A message was removed by a moderator (simulated).", "Message removed (simulated)."),
            ModerationActions.RestrictAuthor => ($"🔇 {request.AuthorId} can't post for {request.Duration.TotalMinutes:0} min (simulated).", "Author muted (simulated)."),
            ModerationActions.BanAuthor => ($"⛔ {request.AuthorId} was banned (simulated).", "Author banned (simulated)."),
            ModerationActions.PinWarning => ("📌 " + request.WarningText, "Warning posted and pinned (simulated)."),
            _ => (null, null),
        };
        if (notice is null || outcome is null)
        {
            return ModerationOutcome.Refused($"The playground does not know '{request.Action}'.");
        }

        await feed.AddAsync(
            new PlaygroundPost(0, request.ChannelId, request.ChannelId, request.ThreadId, "Switchboard", "reply", notice, null, true, time.GetUtcNow(), 0),
            cancellationToken);
        return new ModerationOutcome(true, outcome);
    }
}
