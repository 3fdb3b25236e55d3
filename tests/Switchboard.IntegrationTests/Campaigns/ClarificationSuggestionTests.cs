using System.Text.Json;
using Switchboard.Core.Connectors;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>The replayed launch burst stored as messages, then the worker's clarification pass on a fake clock.</summary>
public sealed class ClarificationSuggestionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunOnce_LaunchBurstReplayed_OneSuggestionPinnedByButtonAndCountedOnce()
    {
        var services = new CampaignServices(_folder.File("burst.db"), CampaignServices.GoLive.AddMinutes(40));
        var ct = TestContext.Current.CancellationToken;
        await services.StoreLaunchReplayAsync();
        await services.Runs.StartAsync(services.Example, "lina", new ChannelAddress("playground", "campaign-ops"), ct);
        var worker = services.Worker();

        await worker.RunOnceAsync(ct);
        await worker.RunOnceAsync(ct);

        var suggestion = Assert.Single(await services.OutboxAsync(), p => p.Payload.Contains("Repeated question", StringComparison.Ordinal));
        Assert.Contains("(3 asks): LAUNCH20 is not working at checkout", suggestion.Payload, StringComparison.Ordinal);
        var token = JsonDocument.Parse(suggestion.Payload).RootElement.GetProperty("card").GetProperty("actions")[0].GetProperty("data").GetProperty("token").GetString()!;

        var pinned = await services.Runs.HandleActionAsync(new CardActionRequest(token, "U1", "@lina", "playground"), ct);
        var again = await services.Runs.HandleActionAsync(new CardActionRequest(token, "U1", "@lina", "playground"), ct);

        Assert.True(pinned.Accepted, pinned.Message);
        Assert.False(again.Accepted);
        var data = await services.Store.ReadReportDataAsync("maya-launch20", CampaignServices.GoLive, CampaignServices.GoLive.AddHours(6), ct);
        Assert.Equal("pinned", Assert.Single(data.Clarifications).Status);
    }
}
