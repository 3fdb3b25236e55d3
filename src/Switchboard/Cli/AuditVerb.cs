using System.CommandLine;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;
using Switchboard.Hosting;

namespace Switchboard.Cli;

/// <summary><c>switchboard audit verify</c> and <c>switchboard audit export</c> over the hash-chained audit log.</summary>
internal static class AuditVerb
{
    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "SQLite file (default: Switchboard:Storage:SqlitePath)." };
        var verify = new Command("verify", "Check the audit log's hash chain; exit code 1 and the first bad entry when it was tampered with.") { database };
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = Services(parseResult.GetValue(database));
            var entries = await ReadAsync(services, cancellationToken);
            return AuditVerbs.Verify(entries, parseResult.InvocationConfiguration.Output);
        });

        var output = new Option<FileInfo?>("--out") { Description = "CSV file to write (default: standard output)." };
        var export = new Command("export", "Write the audit log as CSV (written even when the chain is broken; the exit code says so).") { database, output };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = Services(parseResult.GetValue(database));
            var entries = await ReadAsync(services, cancellationToken);
            if (parseResult.GetValue(output) is { } file)
            {
                await using var writer = file.CreateText();
                return AuditVerbs.Export(entries, writer, parseResult.InvocationConfiguration.Error);
            }

            return AuditVerbs.Export(entries, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });

        return new Command("audit", "Verify or export the append-only, hash-chained audit log.") { verify, export };
    }

    private static ServiceProvider Services(string? database) =>
        CommandLineServices.Build(database is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Switchboard:Storage:SqlitePath"] = database });

    private static async Task<List<AuditEntry>> ReadAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in services.GetRequiredService<IAuditLogStore>().ReadAllAsync(cancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
