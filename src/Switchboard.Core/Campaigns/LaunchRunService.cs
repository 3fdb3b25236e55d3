using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Starts launch runs, applies the checklist card's task_done / task_blocked buttons, and queues reminders. The run has one
/// checklist card: button presses and reminders edit it in place (through the outbox, once the post has landed).
/// </summary>
/// <param name="connectors">
/// Tells which platforms can pin an approved clarification; without it every connector but Teams is assumed to. A function,
/// because connectors take the campaign commands (and so this service) themselves: resolving it at once would be a cycle.
/// </param>
public sealed class LaunchRunService(ICampaignStore store, CampaignCatalog catalog, ICardComposer composer, Sending.OutboxSignal outboxSignal, TimeProvider time, ILogger<LaunchRunService> logger, Func<ConnectorRegistry?>? connectors = null)
{
    /// <summary>The clarification's status when it was sent on a platform that has no pin (Teams).</summary>
    public const string SentUnpinned = "sent";

    /// <summary>Every launch-run button token starts with this, so the inbound sink can tell them from review tokens.</summary>
    public const string TokenPrefix = "lr.";

    public async Task<LaunchRun> StartAsync(Campaign campaign, string startedBy, ChannelAddress channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(channel);
        var now = time.GetUtcNow();
        var tasks = campaign.Checklist
            .Select(t => new LaunchTask(t.Id, LaunchTaskStates.Open, null, null, TokenPrefix + ActionTokenGenerator.NewToken(), TokenPrefix + ActionTokenGenerator.NewToken()))
            .ToArray();
        var run = await store.StartRunAsync(
            new LaunchRunStart(campaign.Name, campaign.GoLive, startedBy, now, channel.Connector, channel.ChannelId, tasks, id =>
                Post(channel, ChecklistCard(campaign,
                    new LaunchRun(id, campaign.Name, campaign.GoLive, startedBy, now, channel, tasks, new HashSet<string>()), now, $"Launch run started by {startedBy}"))),
            cancellationToken);
        outboxSignal.Notify();
        Log.RunStarted(logger, run.Id, campaign.Name);
        return run;
    }

    /// <summary>Applies a task button. Refuses unknown tokens and presses on a superseded run.</summary>
    public async Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await store.ResolveTokenAsync(request.Token, cancellationToken);
        if (target is null)
        {
            return await PinAsync(request, cancellationToken);
        }

        var run = await store.GetRunAsync(target.RunId, cancellationToken);
        var campaign = run is null ? null : catalog.Find(run.Campaign);
        if (run is null || campaign is null)
        {
            return CardActionResult.Refused("The campaign of this launch run is no longer available.");
        }

        var latest = await store.FindLatestRunAsync(run.Campaign, cancellationToken);
        if (latest?.Id != run.Id)
        {
            return CardActionResult.Refused("A newer launch run of this campaign exists; use its checklist.");
        }

        var who = request.ActorHandle ?? request.ActorId;
        var now = time.GetUtcNow();
        var state = target.Action == "done" ? LaunchTaskStates.Done : LaunchTaskStates.Blocked;
        await store.SetTaskStateAsync(run.Id, target.TaskId, state, who, now, updated =>
            UpdateChecklist(updated, ChecklistCard(campaign, updated, now, $"{target.TaskId} marked {state} by {who}")),
            cancellationToken);
        outboxSignal.Notify();
        Log.TaskMarked(logger, run.Id, target.TaskId, state);
        return new CardActionResult(true, $"{target.TaskId}: {state}");
    }

    /// <summary>Queues every reminder due now across active runs; returns how many were queued.</summary>
    /// <param name="reminderChannel">Where reminders go; null posts each run's reminders in the channel its checklist was started in.</param>
    public async Task<int> SendDueRemindersAsync(ChannelAddress? reminderChannel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var run in await store.ListActiveRunsAsync(cancellationToken))
        {
            if (catalog.Find(run.Campaign) is not { } campaign)
            {
                Log.CampaignMissing(logger, run.Id, run.Campaign);
                continue;
            }

            foreach (var reminder in LaunchReminderPlanner.Due(campaign, run, now))
            {
                var card = ChecklistCard(campaign, run, now, reminder.Text);
                var posts = new List<OutboxItemDraft> { UpdateChecklist(run, card) };
                if (reminderChannel is not null && reminderChannel != run.Channel)
                {
                    // A separate reminder channel gets a notice; the checklist itself stays one card, edited in place.
                    posts.Add(Post(reminderChannel, composer.Compose(CardKinds.Kpi, CampaignCardData.Kpi($"Reminder: {campaign.Title}", [("Reminder", reminder.Text)], campaign.Name))));
                }

                if (await store.RecordReminderAsync(run.Id, reminder.Key, now, posts, cancellationToken))
                {
                    queued++;
                    Log.ReminderQueued(logger, run.Id, reminder.Key);
                }
            }
        }

        if (queued > 0)
        {
            outboxSignal.Notify();
        }

        return queued;
    }

    /// <summary>
    /// Looks for repeated questions in each campaign's go-live window so far and posts one suggestion card per new
    /// cluster, with a Pin button (verb pin_clarification) that records the clarification as pinned.
    /// </summary>
    /// <param name="channel">Where suggestions go; null posts them in the channel of the campaign's latest launch run (none: skipped).</param>
    public async Task<int> SuggestClarificationsAsync(ChannelAddress? channel, int windowHours, int minCount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var suggested = 0;
        foreach (var campaign in catalog.ActiveAt(now, windowHours))
        {
            var target = channel ?? (await store.FindLatestRunAsync(campaign.Name, cancellationToken))?.Channel;
            if (target is null)
            {
                continue;
            }

            var known = await store.ClarificationKeysAsync(campaign.Name, cancellationToken);
            var data = await store.ReadReportDataAsync(campaign.Name, campaign.GoLive, now, cancellationToken);
            var messages = data.Messages.Select(m => new CampaignMessage(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.At, m.Platform, m.AuthorHandle, m.Text));
            var byId = data.Messages.ToDictionary(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var cluster in new RepeatedQuestionDetector(campaign) { MinClusterSize = minCount }.Detect(messages, campaign.GoLive, now))
            {
                if (known.Contains(cluster.Key))
                {
                    continue;
                }

                var token = TokenPrefix + "pin." + ActionTokenGenerator.NewToken();
                var card = composer.Compose(CardKinds.Kpi, CampaignCardData.Kpi(
                    $"Repeated question ({cluster.MessageIds.Count} asks): {cluster.Question}",
                    [("Suggested pinned clarification", cluster.SuggestedClarification), ("First / last ask", $"{cluster.FirstAt:HH:mm} / {cluster.LastAt:HH:mm} UTC")],
                    campaign.Name));
                card.Card["actions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = "Approve and pin",
                    ["verb"] = "pin_clarification",
                    ["data"] = new System.Text.Json.Nodes.JsonObject { ["token"] = token },
                });
                var source = SourceChannel(cluster.MessageIds.Select(id => byId.GetValueOrDefault(id)).OfType<ReportMessage>());
                if (source is not null)
                {
                    card.Card["body"]?.AsArray().Add(new System.Text.Json.Nodes.JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["wrap"] = true,
                        ["isSubtle"] = true,
                        ["text"] = CanPin(source.Connector)
                            ? $"Approving sends it in {source.Connector} channel {source.ChannelId} and pins it there."
                            : $"Approving sends it in {source.Connector} conversation {source.ChannelId}; {source.Connector} has no pinning, so it is not pinned.",
                    });
                }

                await store.AddClarificationAsync(campaign.Name, cluster.Key, cluster.SuggestedClarification, cluster.MessageIds.Count, now, token, Post(target, card), source, cancellationToken);
                suggested++;
            }
        }

        if (suggested > 0)
        {
            outboxSignal.Notify();
        }

        return suggested;
    }

    private async Task<CardActionResult> PinAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var clarification = await store.FindClarificationByTokenAsync(request.Token, cancellationToken);
        if (clarification is null)
        {
            return CardActionResult.Refused("This checklist button is not valid.");
        }

        if (clarification.Status != "suggested")
        {
            return CardActionResult.Refused($"This clarification was already approved ({clarification.Status}).");
        }

        var by = request.ActorHandle ?? request.ActorId;
        var now = time.GetUtcNow();
        if (clarification.Source is not { } source)
        {
            await store.MarkClarificationPinnedAsync(clarification.Id, now, by, cancellationToken);
            return new CardActionResult(true, "Clarification approved; the channel the questions came from is unknown, so pin it by hand.");
        }

        // A public post in the channel itself (no reply-to, no recipient): the platform's ordinary send.
        var send = ReviewCardOutbox.Reply(new ReplyTarget(source.Connector, source.ChannelId, source.ChannelId, null, true, null, null), clarification.Text);
        var canPin = CanPin(source.Connector);
        var note = canPin
            ? $"Clarification sent to {source.Connector} channel {source.ChannelId} and pinned there."
            : $"Clarification sent to {source.Connector} conversation {source.ChannelId}. {PlatformName(source.Connector)} has no pinning, so it is sent but not pinned.";
        if (!await store.ApproveClarificationAsync(clarification.Id, now, by, canPin ? "pinned" : SentUnpinned, note, send,
            canPin ? sendId => PinDraft(source.Connector, sendId) : null, cancellationToken))
        {
            return CardActionResult.Refused("This clarification was already approved.");
        }

        outboxSignal.Notify();
        Log.ClarificationApproved(logger, clarification.Id, source.Connector, canPin);
        return new CardActionResult(true, note);
    }

    /// <summary>Where most of a cluster's questions were asked, public channels first (a clarification pinned in one DM helps nobody else).</summary>
    internal static ChannelAddress? SourceChannel(IEnumerable<ReportMessage> messages)
    {
        var located = messages.Where(m => m.Channel is not null).ToList();
        var pool = located.Any(m => m.IsPublic) ? located.Where(m => m.IsPublic) : located;
        return pool.GroupBy(m => m.Channel! with { ThreadId = null }).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
    }

    private bool CanPin(string connector) =>
        connectors?.Invoke() is { } registry && registry.TryGet(connector, out var c) ? c is IMessagePinner : !string.Equals(connector, "teams", StringComparison.OrdinalIgnoreCase);

    private static string PlatformName(string connector) => connector.Length == 0 ? connector : char.ToUpperInvariant(connector[0]) + connector[1..];

    public static OutboxItemDraft PinDraft(string connector, long sendOutboxId) =>
        new(OutboxKinds.Pin, connector, JsonSerializer.Serialize(new OutboxPostTarget(sendOutboxId), ReviewCardOutbox.Json), "{}");

    /// <summary>The edit of the run's one checklist card; a run from before cards were tracked gets a fresh post instead.</summary>
    public static OutboxItemDraft UpdateChecklist(LaunchRun run, CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(card);
        return run.ChecklistOutboxId is { } posted
            ? new(OutboxKinds.UpdatePostedCard, run.Channel.Connector, JsonSerializer.Serialize(new OutboxPostTarget(posted), ReviewCardOutbox.Json), ReviewCardOutbox.SerializeCard(card), card.Kind)
            : Post(run.Channel, card);
    }

    /// <summary>The checklist card of a run, always with its task buttons whichever composer renders it.</summary>
    public CardPayload ChecklistCard(Campaign campaign, LaunchRun run, DateTimeOffset now, string? headline = null)
    {
        var data = CampaignCardData.Checklist(campaign, run, now, headline);
        return CampaignCardData.WithTaskButtons(composer.Compose(CardKinds.Checklist, data), data);
    }

    public static OutboxItemDraft Post(ChannelAddress channel, CardPayload card) =>
        new(OutboxKinds.PostCard, channel.Connector, JsonSerializer.Serialize(channel, ReviewCardOutbox.Json), ReviewCardOutbox.SerializeCard(card), card.Kind);
}
