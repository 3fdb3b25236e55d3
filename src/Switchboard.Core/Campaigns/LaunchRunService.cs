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
                Post(channel, composer.Compose(CardKinds.Checklist, CampaignCardData.Checklist(campaign,
                    new LaunchRun(id, campaign.Name, campaign.GoLive, startedBy, now, channel, tasks, new HashSet<string>()), now, $"Launch run started by {startedBy}")))),
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
            return CardActionResult.Refused("This checklist button is not valid.");
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
            Post(updated.Channel, composer.Compose(CardKinds.Checklist, CampaignCardData.Checklist(campaign, updated, now, $"{target.TaskId} marked {state} by {who}"))),
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
                var card = composer.Compose(CardKinds.Checklist, CampaignCardData.Checklist(campaign, run, now, reminder.Text));
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

    public static OutboxItemDraft Post(ChannelAddress channel, CardPayload card) =>
        new(OutboxKinds.PostCard, channel.Connector, JsonSerializer.Serialize(channel, ReviewCardOutbox.Json), ReviewCardOutbox.SerializeCard(card), card.Kind);
}
