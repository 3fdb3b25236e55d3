using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Storage;

public sealed class SqliteTeamsConversationStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 14, 2, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task GetAsync_AfterReopeningTheFile_ReferenceSurvives()
    {
        var reference = new TeamsConversationReference("19:fin@thread.tacv2", "https://smba.example/emea/", "tenant-1", "28:bot", "msteams", "channel", At);
        await new SqliteTeamsConversationStore(Open()).UpsertAsync(reference, TestContext.Current.CancellationToken);

        var loaded = await new SqliteTeamsConversationStore(Open()).GetAsync("19:fin@thread.tacv2", TestContext.Current.CancellationToken);

        Assert.Equal(reference, loaded);
    }

    [Fact]
    public async Task UpsertAsync_ServiceUrlMoved_ReplacesRow()
    {
        var store = new SqliteTeamsConversationStore(Open());
        await store.UpsertAsync(new("a:1", "https://old.example/", null, null, "msteams", "personal", At), TestContext.Current.CancellationToken);

        await store.UpsertAsync(new("a:1", "https://new.example/", "t", "28:bot", "msteams", "personal", At.AddHours(1)), TestContext.Current.CancellationToken);

        var loaded = await store.GetAsync("a:1", TestContext.Current.CancellationToken);
        Assert.Equal("https://new.example/", loaded!.ServiceUrl);
        Assert.Equal(At.AddHours(1), loaded.UpdatedAt);
        Assert.Null(await store.GetAsync("a:2", TestContext.Current.CancellationToken));
    }

    private SqliteDatabase Open() =>
        new(Options.Create(new StorageOptions { SqlitePath = _folder.File("teams.db") }), NullLogger<SqliteDatabase>.Instance);
}
