using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Governance.Audit;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

public sealed class CampaignChatCommandsTests : IDisposable
{
    private static readonly ChannelAddress OpsChannel = new("slack", "C0OPS");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_StartByCampaignOps_RunStartedAsThePlatformUser()
    {
        var services = new CampaignServices(_folder.File("chat.db"), CampaignServices.GoLive.AddHours(-2));
        var commands = services.ChatCommands(("slack:U0LINA", ["agent", "campaign_ops"]));

        var reply = await commands.RunAsync("slack", "U0LINA", "/campaign start maya-launch20", OpsChannel, TestContext.Current.CancellationToken);

        Assert.True(reply.Ok, reply.Text);
        var run = await services.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken);
        Assert.Equal("slack:U0LINA", run?.StartedBy);
        Assert.Equal(OpsChannel, run?.Channel);
    }

    [Theory]
    [InlineData("slack:U0SAM", "agent")]
    [InlineData("telegram:U0LINA", "campaign_ops")]
    public async Task Run_StartWithoutTheCampaignPermission_RefusedWithTheRoleAndNothingStarted(string actor, string role)
    {
        var services = new CampaignServices(_folder.File("chat.db"), CampaignServices.GoLive.AddHours(-2));
        var commands = services.ChatCommands((actor, [role]));

        var reply = await commands.RunAsync("slack", "U0SAM", "/campaign start maya-launch20", OpsChannel, TestContext.Current.CancellationToken);

        Assert.False(reply.Ok);
        Assert.Equal("Not allowed: you need the campaign ops role to start launch runs.", reply.Text);
        Assert.Null(await services.Store.FindLatestRunAsync("maya-launch20", TestContext.Current.CancellationToken));
        Assert.Empty(await services.OutboxAsync());
        var entries = await services.Audit.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var refused = Assert.Single(entries);
        Assert.Equal(("slack:U0SAM", "campaign.command.refused", (long?)null), (refused.Actor, refused.Action, refused.CaseId));
        Assert.Contains("\"command\":\"campaign start\"", refused.After, StringComparison.Ordinal);
        Assert.DoesNotContain("maya-launch20", refused.After, StringComparison.Ordinal);
        Assert.True(AuditChain.Verify(entries).Ok);
    }

    [Fact]
    public async Task Run_ReadingCommandWithBotNameSuffix_AnsweredForAnyone()
    {
        var services = new CampaignServices(_folder.File("chat.db"), CampaignServices.GoLive.AddHours(-2));
        var commands = services.ChatCommands();

        var reply = await commands.RunAsync("telegram", "42", "/campaign@SwitchboardBot factsheet maya-launch20", new ChannelAddress("telegram", "-1001"), TestContext.Current.CancellationToken);

        Assert.True(reply.Ok, reply.Text);
        Assert.Equal("factsheet", reply.Card?.Kind);
        Assert.Single(await services.OutboxAsync());
    }

    [Fact]
    public async Task Run_FailedCommand_TextForTheIssuerNothingPostedInTheChannel()
    {
        var services = new CampaignServices(_folder.File("chat.db"), CampaignServices.GoLive.AddHours(-2));
        var commands = services.ChatCommands();

        var reply = await commands.RunAsync("slack", "U0SAM", "/campaign status maya-launch20", OpsChannel, TestContext.Current.CancellationToken);

        Assert.False(reply.Ok);
        Assert.Contains("has no launch run yet", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await services.OutboxAsync());
    }

    [Fact]
    public async Task Run_NoGovernance_StartRefused()
    {
        var services = new CampaignServices(_folder.File("chat.db"), CampaignServices.GoLive.AddHours(-2));
        var commands = new CampaignChatCommands(services.Commands, Microsoft.Extensions.Logging.Abstractions.NullLogger<CampaignChatCommands>.Instance);

        var reply = await commands.RunAsync("teams", "29:1abc", "/campaign start maya-launch20", new ChannelAddress("teams", "19:ops"), TestContext.Current.CancellationToken);

        Assert.False(reply.Ok);
        Assert.Contains("not configured", reply.Text, StringComparison.Ordinal);
    }
}
