using System.Text.Json;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

public sealed class CampaignCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CampaignCommand Command(string text) => new(text, "lina", new ChannelAddress("playground", "campaign-ops"));

    [Fact]
    public async Task Handle_FactsheetStartStatus_CardsOfEachKind()
    {
        var services = new CampaignServices(_folder.File("commands.db"), CampaignServices.GoLive.AddHours(-2));
        var ct = TestContext.Current.CancellationToken;

        var factsheet = await services.Commands.HandleAsync(Command("/campaign factsheet maya-launch20"), ct);
        var start = await services.Commands.PostReplyAsync(Command("/campaign start maya-launch20"), ct);
        var status = await services.Commands.HandleAsync(Command("/campaign status maya-launch20"), ct);

        Assert.Equal("factsheet", factsheet.Card?.Kind);
        Assert.True(start.Queued);
        Assert.Single(await services.OutboxAsync()); // the checklist, queued once by the run itself
        Assert.Equal("checklist", status.Card?.Kind);
        Assert.Contains("Status: 0 of 7 done, 0 blocked", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReply_Staffing_KpiCardQueuedForTheChannel()
    {
        var services = new CampaignServices(_folder.File("commands.db"), CampaignServices.GoLive);

        var reply = await services.Commands.PostReplyAsync(Command("/staffing --messages 2400 --handle-minutes 4 --buffer 0.25 --productive-hours 30 --campaign maya-launch20"), TestContext.Current.CancellationToken);

        Assert.True(reply.Ok, reply.Text);
        Assert.Contains("6.7 → 7 agents", reply.Text, StringComparison.Ordinal);
        Assert.Contains("500,000 reach", reply.Text, StringComparison.Ordinal);
        var post = Assert.Single(await services.OutboxAsync());
        Assert.Equal("campaign-ops", JsonDocument.Parse(post.Target).RootElement.GetProperty("channelId").GetString());
    }

    [Fact]
    public async Task Handle_Report_KpiSnapshotCardWithRoi()
    {
        var services = new CampaignServices(_folder.File("commands.db"), CampaignServices.GoLive.AddHours(3));

        var reply = await services.Commands.HandleAsync(Command("/campaign report maya-launch20"), TestContext.Current.CancellationToken);

        Assert.Equal("kpi", reply.Card?.Kind);
        Assert.Contains("Window: 2026-11-20 18:00 to 2026-11-20 21:00 UTC", reply.Text, StringComparison.Ordinal);
        Assert.Contains("revenue_assisted: 8370 EUR", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/campaign start nope", "No campaign 'nope'")]
    [InlineData("/campaign status maya-launch20", "has no launch run yet")]
    [InlineData("/campaign", "Commands:")]
    [InlineData("/staffing --messages 10", "Usage: /staffing")]
    public async Task Handle_BadCommand_TextExplains(string text, string expected)
    {
        var services = new CampaignServices(_folder.File("commands.db"), CampaignServices.GoLive);

        var reply = await services.Commands.HandleAsync(Command(text), TestContext.Current.CancellationToken);

        Assert.False(reply.Ok);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }
}
