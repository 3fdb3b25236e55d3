using Switchboard.Core.Storage;

namespace Switchboard.Core.Analytics;

/// <summary>
/// The read side the KPI engine needs (cases with their event logs) and the few rows analytics owns:
/// which weekly posts went out (so a restart does not post twice) and the retro samples and scores.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Every case that can matter to a report on [from, to): opened before <c>to</c> and either touched by
    /// an event in the range or not resolved before it; with its whole event log and, if asked, its message texts.
    /// </summary>
    Task<IReadOnlyList<AnalyticsCase>> LoadCasesAsync(DateTimeOffset from, DateTimeOffset to, bool withMessageTexts, CancellationToken cancellationToken);

    /// <summary>The last period key recorded for a weekly post kind ("kpi", "retro"), or null.</summary>
    Task<string?> GetLastWeeklyPostAsync(string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Records a weekly post and queues its outbox items in one transaction; false (and nothing queued) when
    /// that kind was already recorded for <paramref name="period"/>. Retro posts also store their sample.
    /// </summary>
    Task<bool> TryRecordWeeklyPostAsync(string kind, string period, IReadOnlyList<OutboxItemDraft> outbox, IReadOnlyList<RetroSampleItem> retroSample, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<RetroSampleItem>> GetRetroSampleAsync(string period, CancellationToken cancellationToken);

    /// <summary>Stores a lead's score of one sampled case; a later score by the same reviewer replaces it.</summary>
    Task AddRetroScoreAsync(RetroScore score, CancellationToken cancellationToken);

    Task<IReadOnlyList<RetroScore>> ListRetroScoresAsync(CancellationToken cancellationToken);
}
