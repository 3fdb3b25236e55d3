using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;

    public SqliteStoreTests()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = _folder.File("store.db") }), NullLogger<SqliteDatabase>.Instance);
    }

    public void Dispose() => _folder.Dispose();

    private static InboundMessage Message(string id, string author = "ana", string text = "hello") =>
        new("playground", "telegram", id, "tg-community", "tg-community", null, author, "@" + author, text, true, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Store_SameMessageTwice_OneRowAndDuplicateFlagged()
    {
        using var store = new SqliteMessageStore(_database);

        var first = await store.StoreAsync(Message("m1"), TestContext.Current.CancellationToken);
        var second = await store.StoreAsync(Message("m1"), TestContext.Current.CancellationToken);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, await store.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Store_ManyConcurrentWithRedeliveries_EachCommittedOnce()
    {
        using var store = new SqliteMessageStore(_database);

        // 400 distinct messages, every tenth delivered twice, all at once: group commits batch them.
        var deliveries = Enumerable.Range(0, 400).SelectMany(i => i % 10 == 0 ? new[] { i, i } : [i]).ToArray();
        var results = await Task.WhenAll(deliveries.Select(i => Task.Run(() => store.StoreAsync(Message($"m{i}", $"a{i}"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Equal(400, await store.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(40, results.Count(r => r.Duplicate));
        Assert.Equal(400, results.Select(r => r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Store_AfterReopen_MessageIsStillThere()
    {
        long id;
        using (var store = new SqliteMessageStore(_database))
        {
            id = (await store.StoreAsync(Message("durable", text: "stored before the ack"), TestContext.Current.CancellationToken)).MessageId;
        }

        SqliteConnection.ClearAllPools();
        var reopened = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = _folder.File("store.db") }), NullLogger<SqliteDatabase>.Instance);
        using var again = new SqliteMessageStore(reopened);
        var message = await again.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("stored before the ack", message!.Message.Text);
    }

    [Fact]
    public async Task Commit_FromStaleVersion_ConflictAndNothingWritten()
    {
        var cases = new SqliteCaseStore(_database, TimeProvider.System);
        var now = DateTimeOffset.UnixEpoch;
        var created = (await cases.CommitAsync(new CaseCommit(new CaseRecord(0, "telegram:ana", "telegram", "playground", CaseStatus.New, 0, now, now), null), TestContext.Current.CancellationToken)).Case!;
        var first = await cases.CommitAsync(new CaseCommit(created with { Status = CaseStatus.Triaged }, created.Version), TestContext.Current.CancellationToken);

        var stale = await cases.CommitAsync(
            new CaseCommit(created with { Status = CaseStatus.Replied }, created.Version)
            {
                Events = [new CaseEventDraft("review.approved", "user:@x")],
                Outbox = [new OutboxItemDraft(OutboxKinds.Reply, "playground", "{}", "{}")],
            },
            TestContext.Current.CancellationToken);

        Assert.True(first.Committed);
        Assert.Equal(CaseCommitStatus.Conflict, stale.Status);
        Assert.Empty(await cases.GetEventsAsync(created.Id, TestContext.Current.CancellationToken));
        Assert.Empty(await new SqliteOutboxStore(_database).ListDueAsync(DateTimeOffset.MaxValue, 10, TestContext.Current.CancellationToken));
        Assert.Equal(CaseStatus.Triaged, (await cases.GetAsync(created.Id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task List_ByCluster_ReturnsOnlyThatClustersCasesBeforeTheLimit()
    {
        var cases = new SqliteCaseStore(_database, TimeProvider.System);
        var now = DateTimeOffset.UnixEpoch;
        foreach (var (customer, cluster) in new[] { ("a", (string?)null), ("b", "c-other"), ("c", null), ("d", "c-1"), ("e", "c-1") })
        {
            var record = new CaseRecord(0, $"telegram:{customer}", "telegram", "playground", CaseStatus.AwaitingApproval, 0, now, now) { ClusterId = cluster };
            Assert.True((await cases.CommitAsync(new CaseCommit(record, null), TestContext.Current.CancellationToken)).Committed);
        }

        // A limit of 2 would hold only unrelated cases if the cluster were filtered after the query.
        var members = await cases.ListAsync(new CaseQuery(Status: CaseStatus.AwaitingApproval, Limit: 2) { ClusterId = "c-1" }, TestContext.Current.CancellationToken);

        Assert.Equal(["telegram:d", "telegram:e"], members.Select(m => m.CustomerKey));
    }

    [Fact]
    public async Task CaseEvents_UpdateOrDelete_RefusedByTheDatabase()
    {
        var cases = new SqliteCaseStore(_database, TimeProvider.System);
        var now = DateTimeOffset.UnixEpoch;
        var created = (await cases.CommitAsync(
            new CaseCommit(new CaseRecord(0, "x:bo", "x", "playground", CaseStatus.New, 0, now, now), null) { Events = [new CaseEventDraft("case.opened", "system:test")] },
            TestContext.Current.CancellationToken)).Case!;

        await using var connection = await _database.OpenAsync(TestContext.Current.CancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE case_events SET actor = 'user:@mallory';";
        var ex = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM case_events;";
        await Assert.ThrowsAsync<SqliteException>(() => delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Single(await cases.GetEventsAsync(created.Id, TestContext.Current.CancellationToken));
    }
}
