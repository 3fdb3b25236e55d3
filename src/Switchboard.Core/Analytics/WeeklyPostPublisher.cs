using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Analytics;

/// <summary>
/// Posts the weekly KPI snapshot and inbox retro cards once per week: each post and its outbox item are
/// recorded in one transaction keyed by ISO week, so a restart (or two instances) never posts a week twice.
/// </summary>
public sealed class WeeklyPostPublisher(
    IAnalyticsStore store,
    KpiService kpis,
    ICardComposer composer,
    OutboxSignal outboxSignal,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<WeeklyPostPublisher> logger)
{
    public const string KpiPost = "kpi";
    public const string RetroPost = "retro";

    /// <summary>Queues whichever weekly posts are due and not yet recorded; returns the kinds queued.</summary>
    public async Task<IReadOnlyList<string>> PublishDueAsync(CancellationToken cancellationToken)
    {
        var config = options.Value;
        if (config.SnapshotChannel is not { } channel)
        {
            return [];
        }

        var (period, from, to) = WeeklySchedule.LatestDue(time.GetUtcNow(), config);
        var target = JsonSerializer.Serialize(new ChannelAddress(channel.Connector, channel.Channel), ReviewCardOutbox.Json);
        var dashboard = config.DashboardBaseUrl is { } baseUrl ? new Uri(new Uri(baseUrl), "/dashboard/").ToString() : null;
        var queued = new List<string>();

        if (await store.GetLastWeeklyPostAsync(KpiPost, cancellationToken) != period)
        {
            var report = await kpis.ComputeAsync(new KpiFilter(from, to), cancellationToken);
            var card = composer.Compose(CardKinds.Kpi, AnalyticsCards.KpiData(report, period, dashboard));
            var item = new OutboxItemDraft(OutboxKinds.PostCard, channel.Connector, target, ReviewCardOutbox.SerializeCard(card), CardKinds.Kpi);
            if (await store.TryRecordWeeklyPostAsync(KpiPost, period, [item], [], time.GetUtcNow(), cancellationToken))
            {
                queued.Add(KpiPost);
                Log.WeeklyPostQueued(logger, KpiPost, period);
            }
        }

        if (await store.GetLastWeeklyPostAsync(RetroPost, cancellationToken) != period)
        {
            var candidates = await store.LoadCasesAsync(from, to, withMessageTexts: false, cancellationToken);
            var resolved = candidates
                .Select(CaseTimeline.Read)
                .Where(t => t.IsActionable && t.StandingResolutionAt(to) is { } at && at >= from)
                .Select(t => t.Case);
            var sample = RetroSampler.Sample(resolved, config.RetroSampleSize, Random.Shared)
                .Select(c => new RetroSampleItem(period, c.Id, c.Intent ?? "untriaged"))
                .ToList();
            var card = composer.Compose(AnalyticsCards.RetroKind, AnalyticsCards.RetroData(period, sample, dashboard is null ? null : dashboard + "#retro"));
            var item = new OutboxItemDraft(OutboxKinds.PostCard, channel.Connector, target, ReviewCardOutbox.SerializeCard(card), AnalyticsCards.RetroKind);
            IReadOnlyList<OutboxItemDraft> outbox = sample.Count > 0 ? [item] : [];
            if (await store.TryRecordWeeklyPostAsync(RetroPost, period, outbox, sample, time.GetUtcNow(), cancellationToken) && sample.Count > 0)
            {
                queued.Add(RetroPost);
                Log.WeeklyPostQueued(logger, RetroPost, period);
            }
        }

        if (queued.Count > 0)
        {
            outboxSignal.Notify();
        }

        return queued;
    }
}
