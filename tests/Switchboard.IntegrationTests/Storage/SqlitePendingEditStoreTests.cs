using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Storage;

public sealed class SqlitePendingEditStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 14, 2, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TakeAsync_AfterReopeningTheFile_EditSurvivesAndIsTakenOnce()
    {
        var edit = new PendingEdit("telegram", "-1002000", "2001", "tok-1", At.AddMinutes(15));
        await new SqlitePendingEditStore(Open()).StartAsync(edit, At, TestContext.Current.CancellationToken);
        var store = new SqlitePendingEditStore(Open());

        var taken = await store.TakeAsync("telegram", "-1002000", "2001", At.AddMinutes(1), TestContext.Current.CancellationToken);
        var again = await store.TakeAsync("telegram", "-1002000", "2001", At.AddMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(edit, taken);
        Assert.Null(again);
    }

    [Fact]
    public async Task TakeAsync_Expired_NullAndGone()
    {
        var store = new SqlitePendingEditStore(Open());
        await store.StartAsync(new PendingEdit("telegram", "-1", "7", "tok-old", At.AddMinutes(15)), At, TestContext.Current.CancellationToken);

        Assert.Null(await store.TakeAsync("telegram", "-1", "7", At.AddMinutes(16), TestContext.Current.CancellationToken));
        Assert.Null(await store.TakeAsync("telegram", "-1", "7", At, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartAsync_SecondEditInTheSameChat_ReplacesTheFirst()
    {
        var store = new SqlitePendingEditStore(Open());
        await store.StartAsync(new PendingEdit("telegram", "-1", "7", "tok-a", At.AddMinutes(15)), At, TestContext.Current.CancellationToken);
        await store.StartAsync(new PendingEdit("telegram", "-1", "7", "tok-b", At.AddMinutes(20)), At.AddMinutes(5), TestContext.Current.CancellationToken);

        var taken = await store.TakeAsync("telegram", "-1", "7", At.AddMinutes(6), TestContext.Current.CancellationToken);

        Assert.Equal("tok-b", taken?.Token);
        Assert.Null(await store.TakeAsync("telegram", "-1", "8", At.AddMinutes(6), TestContext.Current.CancellationToken));
    }

    private SqliteDatabase Open() =>
        new(Options.Create(new StorageOptions { SqlitePath = _folder.File("edits.db") }), NullLogger<SqliteDatabase>.Instance);
}
