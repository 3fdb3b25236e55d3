using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>What a host recorded: the hash-chained audit log and the case event log.</summary>
internal static class AuditTrail
{
    public static Task<List<AuditEntry>> ReadAsync(TestHost host) => ReadAsync(host.Get<IAuditLogStore>());

    public static async Task<List<AuditEntry>> ReadAsync(IAuditLogStore store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The events of one kind on the host's only case.</summary>
    public static async Task<IReadOnlyList<CaseEvent>> EventsOfOnlyCaseAsync(TestHost host, string kind)
    {
        var cases = host.Get<ICaseStore>();
        var c = Assert.Single(await cases.ListAsync(new CaseQuery(), TestContext.Current.CancellationToken));
        return [.. (await cases.GetEventsAsync(c.Id, TestContext.Current.CancellationToken)).Where(e => e.Kind == kind)];
    }
}
