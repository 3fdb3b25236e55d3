using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Analytics;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Storage;

/// <summary>The analytics read side on a real SQLite file: which cases a range loads, with their whole logs.</summary>
public sealed class SqliteAnalyticsStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(Monday);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task LoadCases_Range_SkipsCasesResolvedBeforeItKeepsOpenAndTouchedOnes()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = _folder.File("a.db") }), NullLogger<SqliteDatabase>.Instance);
        var cases = new SqliteCaseStore(database, _clock);
        var store = new SqliteAnalyticsStore(database);
        var ct = TestContext.Current.CancellationToken;

        _clock.Now = Monday.AddDays(-10);
        var resolvedLongAgo = await AnalyticsSeed.ResolvedCaseAsync(cases, _clock.Now, "billing", 1);
        var ratedInRange = await AnalyticsSeed.ResolvedCaseAsync(cases, _clock.Now, "billing", 2);
        var stillOpen = (await cases.CommitAsync(new CaseCommit(new CaseRecord(0, "x:open", "x", "playground", CaseStatus.AwaitingApproval, 0, _clock.Now, _clock.Now), null) { Events = [new CaseEventDraft("case.opened", "system:test")] }, ct)).Case!.Id;
        _clock.Now = Monday.AddDays(1);
        await cases.AppendEventsAsync(ratedInRange, [new CaseEventDraft(CaseEventKinds.CsatRated, "customer", """{"score":2}""")], ct);
        var inRange = await AnalyticsSeed.ResolvedCaseAsync(cases, _clock.Now, "outage", 1);
        _clock.Now = Monday.AddDays(8);
        var afterRange = await AnalyticsSeed.ResolvedCaseAsync(cases, _clock.Now, "outage", 2);

        var loaded = await store.LoadCasesAsync(Monday, Monday.AddDays(7), withMessageTexts: false, ct);

        Assert.Equal(new[] { ratedInRange, stillOpen, inRange }, loaded.Select(c => c.Case.Id));
        Assert.DoesNotContain(loaded, c => c.Case.Id == resolvedLongAgo || c.Case.Id == afterRange);
        // The whole log comes along, events before the range included.
        Assert.Equal(new[] { "case.opened", "message.received", "triage.decided", "case.resolved", "csat.rated" }, loaded[0].Events.Select(e => e.Kind));
    }
}
