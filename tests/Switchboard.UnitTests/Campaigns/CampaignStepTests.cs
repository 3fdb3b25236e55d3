using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignStepTests
{
    private static readonly DateTimeOffset At = CampaignTestData.GoLive.AddMinutes(11);

    private static CampaignStep Step() =>
        new(new CampaignMonitor(new CampaignCatalog(Path.GetDirectoryName(CampaignTestData.Folder)), Options.Create(new CampaignOptions())));

    private static PipelineContext Context(string text, string author = "lena570", string owner = "support")
    {
        var message = new InboundMessage("playground", "slack", "m1", "sl-customers", "sl-customers", null, "u1", author, text, true, [], At, At);
        var record = new CaseRecord(1, message.CustomerKey, "slack", "playground", CaseStatus.New, 1, At, At) { OwnerTeam = owner, Intent = "promo_campaign" };
        return new PipelineContext(new StoredMessage(1, message, 1, null)) { Case = record, Next = record, Draft = "generic draft" };
    }

    private static Task RunAsync(PipelineContext context) => Step().InvokeAsync(context, _ => Task.CompletedTask, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Invoke_CodeNotWorking_TaggedWithFactsRoutedToCampaignOpsAndGroundedDraft()
    {
        var context = Context("code LAUNCH20 not working for me");

        await RunAsync(context);

        Assert.Equal("campaign_ops", context.Next.OwnerTeam);
        var tagged = JsonDocument.Parse(context.Events.Single(e => e.Kind == "campaign.tagged").Detail!).RootElement;
        Assert.Equal("maya-launch20", tagged.GetProperty("campaign").GetString());
        Assert.Equal("Valid", tagged.GetProperty("codes")[0].GetProperty("status").GetString());
        Assert.True(tagged.GetProperty("inGoLiveWindow").GetBoolean());
        Assert.Contains(context.Events, e => e.Kind == "route.assigned");
        Assert.StartsWith("LAUNCH20 works on full-price Winter Craft Kits only", context.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_LegitQuestionAboutCreator_DraftFromApprovedAnswerNoReroute()
    {
        var context = Context("Is this giveaway from @mayamakes real or a scam?");

        await RunAsync(context);

        Assert.Equal("support", context.Next.OwnerTeam);
        Assert.StartsWith("Yes, LAUNCH20 is our official code", context.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CreatorPostWithoutDisclosure_Flagged()
    {
        var context = Context("Go get 20% off with LAUNCH20, link in bio", author: "@mayamakes");

        await RunAsync(context);

        Assert.Contains(context.Events, e => e.Kind == "campaign.disclosure_missing");
    }

    [Fact]
    public async Task Invoke_UnrelatedMessage_Untouched()
    {
        var context = Context("where is my parcel");

        await RunAsync(context);

        Assert.Empty(context.Events);
        Assert.Equal("generic draft", context.Draft);
    }
}
