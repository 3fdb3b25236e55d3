using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Campaigns;

/// <summary>Starts launch runs, applies the checklist card's task_done / task_blocked buttons, and queues reminders.</summary>
public sealed class LaunchRunService(ICampaignStore store, CampaignCatalog catalog, ICardComposer composer, Sending.OutboxSignal outboxSignal, TimeProvider time, ILogger<LaunchRunService> logger)
{
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
            Post(updated.Channel, ChecklistCard(campaign, updated, now, $"{target.TaskId} marked {state} by {who}")),
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
                var target = reminderChannel ?? run.Channel;
                if (await store.RecordReminderAsync(run.Id, reminder.Key, now, Post(target, card), cancellationToken))
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
                await store.AddClarificationAsync(campaign.Name, cluster.Key, cluster.SuggestedClarification, cluster.MessageIds.Count, now, token, Post(target, card), cancellationToken);
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

        if (clarification.Status == "pinned")
        {
            return CardActionResult.Refused("This clarification is already pinned.");
        }

        await store.MarkClarificationPinnedAsync(clarification.Id, time.GetUtcNow(), request.ActorHandle ?? request.ActorId, cancellationToken);
        return new CardActionResult(true, "Clarification approved: pin it under the creator post.");
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
