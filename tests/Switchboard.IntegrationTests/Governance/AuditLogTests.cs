using Microsoft.Data.Sqlite;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Governance;

/// <summary>Every case event is also a hash-chained audit entry; the verbs verify and export the chain.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> DatabaseWithActivityAsync()
    {
        var db = _folder.File("audit.db");
        await using var host = await TestHost.StartAsync(db);
        var playground = new PlaygroundClient(host.Http);
        await playground.PostAsync("tg-community", "ana", "I was charged twice, refund please");
        var card = await playground.CardInAsync("review-finance");
        await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "sam");
        await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "fin");
        SqliteConnection.ClearAllPools();
        return db;
    }

    [Fact]
    public async Task AuditVerify_UntouchedLog_OkWithEveryEvent()
    {
        var db = await DatabaseWithActivityAsync();

        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "audit", "verify", "--db", db);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Matches(@"\b\d+ entries", result.Output);
        Assert.Equal(await ScalarAsync(db, "SELECT COUNT(*) FROM case_events;"), await ScalarAsync(db, "SELECT COUNT(*) FROM audit_log;"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'review.refused' AND actor = 'user:@sam';"));
    }

    [Fact]
    public async Task AuditVerify_EntryEditedBehindTheTriggers_ReportsTheTamperedEntry()
    {
        var db = await DatabaseWithActivityAsync();
        var target = await ScalarAsync(db, "SELECT seq FROM audit_log WHERE action = 'review.approved';");

        // Someone with access to the file drops the append-only trigger and rewrites who approved.
        await ExecuteAsync(db, "DROP TRIGGER audit_log_no_update;");
        await ExecuteAsync(db, $"UPDATE audit_log SET actor = 'user:@mallory' WHERE seq = {target};");
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "audit", "verify", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"TAMPERED at entry {target}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_EntryDeleted_Detected()
    {
        var db = await DatabaseWithActivityAsync();

        await ExecuteAsync(db, "DROP TRIGGER audit_log_no_delete;");
        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq = 3;");
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "audit", "verify", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TAMPERED", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExport_WritesCsvWithHeaderAndEveryEntry()
    {
        var db = await DatabaseWithActivityAsync();
        var csv = _folder.File("audit.csv");

        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "audit", "export", "--db", db, "--out", csv);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Contains("seq", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.True(lines.Length - 1 >= await ScalarAsync(db, "SELECT COUNT(*) FROM audit_log;"));
        Assert.Contains("chain ok", result.Error, StringComparison.Ordinal);
    }

    private static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
