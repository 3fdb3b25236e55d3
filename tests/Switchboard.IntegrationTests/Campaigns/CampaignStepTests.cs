using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Campaigns;

/// <summary>The go-live step over a real campaign store: a creator post without disclosure is flagged to the campaign owner.</summary>
public sealed class CampaignStepTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static PipelineContext Creator(string text)
    {
        var at = CampaignServices.GoLive.AddMinutes(5);
        var message = new InboundMessage("telegram", "telegram", "m1", "-1001", "-1001", null, "u9", "@mayamakes", text, true, [], at, at);
        var record = new CaseRecord(12, message.CustomerKey, "telegram", "telegram", CaseStatus.New, 1, at, at) { OwnerTeam = "support" };
        return new PipelineContext(new StoredMessage(3, message, 12, null)) { Case = record, Next = record };
    }

    private static CampaignStep Step(CampaignServices services, CampaignOptions? options = null) =>
        new(new CampaignMonitor(services.Catalog, Options.Create(new CampaignOptions())), services.Store, new BuiltInCardComposer(),
            Options.Create(options ?? new CampaignOptions()), NullLogger<CampaignStep>.Instance);

    /// <summary>Runs the step on a creator post while a launch run of the campaign lives in slack:C0OPS.</summary>
    private async Task<PipelineContext> RunWithLaunchRunAsync(string text)
    {
        var services = new CampaignServices(_folder.File("step.db"), CampaignServices.GoLive);
        var ct = TestContext.Current.CancellationToken;
        await services.Runs.StartAsync(services.Example, "slack:U0LINA", new ChannelAddress("slack", "C0OPS"), ct);
        var context = Creator(text);
        await Step(services).InvokeAsync(context, _ => Task.CompletedTask, ct);
        return context;
    }

    [Fact]
    public async Task Invoke_CreatorPostWithoutDisclosure_FlagCardForTheLaunchRunChannel()
    {
        var context = await RunWithLaunchRunAsync("Go get 20% off with LAUNCH20, link in bio");

        var flag = Assert.Single(context.Outbox);
        Assert.Equal(OutboxKinds.PostCard, flag.Kind);
        Assert.Equal("slack", flag.Connector);
        Assert.Contains("C0OPS", flag.TargetJson, StringComparison.Ordinal);
        var card = ReviewCardOutbox.DeserializeCard(flag.PayloadJson);
        Assert.Contains("Disclosure missing", card.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("case #12", card.Card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CreatorPostWithDisclosure_NothingQueued()
    {
        var context = await RunWithLaunchRunAsync("#ad Go get 20% off with LAUNCH20, link in bio");

        Assert.Empty(context.Outbox);
    }

    [Fact]
    public async Task Invoke_ReminderChannelConfigured_FlagGoesThereWithoutARun()
    {
        var services = new CampaignServices(_folder.File("step.db"), CampaignServices.GoLive);
        var context = Creator("Go get 20% off with LAUNCH20");

        await Step(services, new CampaignOptions { ReminderConnector = "teams", ReminderChannel = "19:ops" }).InvokeAsync(context, _ => Task.CompletedTask, TestContext.Current.CancellationToken);

        Assert.Equal("teams", Assert.Single(context.Outbox).Connector);
    }
}
