using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Routing;

/// <summary>SLA clocks on the real host with a hand-moved clock: warning, breach, restart, met in time.</summary>
public sealed class SlaMonitorTests : IDisposable
{
    // Monday 23 November 2026, 10:00 in London (GMT): finance works 09:00–17:30, billing's first response is 1 h.
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(Monday10);

    public void Dispose() => _folder.Dispose();

    private Task<TestHost> StartAsync() =>
        TestHost.StartAsync(_folder.File("sla.db"), configure: b => b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    [Fact]
    public async Task Monitor_NoReply_WarnsBeforeAndBreachesAtDueOnceEachAcrossRestart()
    {
        long caseId;
        await using (var host = await StartAsync())
        {
            var playground = new PlaygroundClient(host.Http);
            await playground.PostAsync("tg-community", "ana", "I was charged twice, refund please");
            var card = await playground.CardInAsync("review-finance");
            caseId = (await host.Get<ICaseStore>().ListAsync(new CaseQuery(), TestContext.Current.CancellationToken)).Single().Id;
            var sla = await host.Get<ICaseStore>().GetSlaAsync(caseId, TestContext.Current.CancellationToken);
            Assert.Equal(Monday10.AddMinutes(50), sla!.NextCheckAt);

            // The host's own SLA worker may get there first; either way the warning is raised exactly once.
            _clock.Now = Monday10.AddMinutes(51);
            await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken);
            var warning = await playground.CardInAsync("review-finance", c => c["card"]!.ToJsonString().Contains("SLA at risk", StringComparison.Ordinal));
            Assert.Contains($"case #{caseId}", warning["card"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("First response due in 9 min", warning["card"]!.ToJsonString(), StringComparison.Ordinal);
            await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken);
            Assert.Single(await host.Get<ICaseStore>().GetEventsAsync(caseId, TestContext.Current.CancellationToken), e => e.Kind == "sla.warning");
        }

        // A restart loses nothing: the clocks are in the database.
        await using (var host = await StartAsync())
        {
            _clock.Now = Monday10.AddMinutes(61);
            await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken);
            var playground = new PlaygroundClient(host.Http);
            var breach = await playground.CardInAsync("review-finance", c => c["card"]!.ToJsonString().Contains("SLA breached", StringComparison.Ordinal));
            Assert.Contains("First response overdue by 1 min", breach["card"]!.ToJsonString(), StringComparison.Ordinal);
            var events = await host.Get<ICaseStore>().GetEventsAsync(caseId, TestContext.Current.CancellationToken);
            Assert.Single(events, e => e.Kind == "sla.warning");
            Assert.Single(events, e => e.Kind == "sla.breached");
            await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken);
            Assert.Single(await host.Get<ICaseStore>().GetEventsAsync(caseId, TestContext.Current.CancellationToken), e => e.Kind == "sla.breached");
        }
    }

    [Fact]
    public async Task Monitor_ApprovedInTime_NoAlert()
    {
        await using var host = await StartAsync();
        var playground = new PlaygroundClient(host.Http);
        await playground.PostAsync("dc-support", "bo", "Refund my double charge please");
        var card = await playground.CardInAsync("review-finance");

        _clock.Now = Monday10.AddMinutes(20);
        var approved = await playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "fin");
        Assert.True((bool)approved["accepted"]!, approved.ToJsonString());
        _clock.Now = Monday10.AddHours(3);

        Assert.Equal(0, await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken));
        var events = await host.Get<ICaseStore>().GetEventsAsync((long)approved["caseId"]!, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(events, e => e.Kind.StartsWith("sla.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitor_AfterHours_ClockWaitsForBusinessHours()
    {
        // Friday 17:20: 10 minutes of finance's day remain, so the 1 h target runs out on Monday at 09:50.
        var friday = new DateTimeOffset(2026, 11, 20, 17, 20, 0, TimeSpan.Zero);
        _clock.Now = friday;
        await using var host = await StartAsync();
        var playground = new PlaygroundClient(host.Http);
        await playground.PostAsync("x-mentions", "cy", "You charged me twice, I want a refund");
        await playground.CardInAsync("review-finance");
        var c = (await host.Get<ICaseStore>().ListAsync(new CaseQuery(), TestContext.Current.CancellationToken)).Single();

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 50, 0, TimeSpan.Zero), c.FirstResponseDueAt);
        _clock.Now = friday.AddHours(12);
        Assert.Equal(0, await host.Get<SlaMonitor>().CheckDueAsync(TestContext.Current.CancellationToken));
    }
}
