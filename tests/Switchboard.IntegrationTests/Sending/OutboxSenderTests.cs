using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Playground;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Storage.Sqlite;

namespace Switchboard.IntegrationTests.Sending;

/// <summary>The outbox kinds that act on another item's delivery (card.update.post, message.pin), over SQLite and the playground connector.</summary>
public sealed class OutboxSenderTests : IDisposable
{
    private static readonly ChannelAddress Ops = new("playground", "review-campaign-ops");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CardPayload Card(string title) => new BuiltInCardComposer().Compose(CardKinds.Kpi, CampaignCardData.Kpi(title, [("State", title)]));

    private static OutboxItemDraft Update(long postId, CardPayload card) =>
        new(OutboxKinds.UpdatePostedCard, "playground", JsonSerializer.Serialize(new OutboxPostTarget(postId), ReviewCardOutbox.Json), ReviewCardOutbox.SerializeCard(card), card.Kind);

    private static (OutboxSender Sender, SqliteOutboxStore Store, SqlitePlaygroundFeedStore Feed) Sender(CampaignServices services, IChatConnector? connector = null)
    {
        var feed = new SqlitePlaygroundFeedStore(services.Database);
        var store = new SqliteOutboxStore(services.Database);
        connector ??= new PlaygroundConnector(feed, Options.Create(new PlaygroundOptions()), services.Clock);
        return (new OutboxSender(store, new ConnectorRegistry([connector]), Options.Create(new OutboxOptions()), services.Clock, NullLogger<OutboxSender>.Instance), store, feed);
    }

    [Fact]
    public async Task SendDue_UpdateQueuedBeforeItsPost_WaitsThenEditsThatOneCard()
    {
        var services = new CampaignServices(_folder.File("outbox.db"), CampaignServices.GoLive);
        var ct = TestContext.Current.CancellationToken;
        await services.Store.EnqueueAsync(Update(2, Card("after")), services.Clock.GetUtcNow(), ct); // outbox 1 edits outbox 2
        await services.Store.EnqueueAsync(LaunchRunService.Post(Ops, Card("before")), services.Clock.GetUtcNow(), ct);
        var (sender, store, feed) = Sender(services);

        Assert.Equal(1, await sender.SendDueAsync(ct)); // the post; the update waits for it
        Assert.Equal("pending", (await store.GetResultAsync(1, ct))?.Status);
        services.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await sender.SendDueAsync(ct));

        var card = Assert.Single(await feed.ListChangedAsync(0, ct));
        Assert.Contains("after", card.CardJson, StringComparison.Ordinal);
        Assert.Equal("sent", (await store.GetResultAsync(1, ct))?.Status);
    }

    [Fact]
    public async Task SendDue_PinOfAPostThatNeverLanded_GivenUp()
    {
        var services = new CampaignServices(_folder.File("outbox.db"), CampaignServices.GoLive);
        var ct = TestContext.Current.CancellationToken;
        await services.Store.EnqueueAsync(LaunchRunService.Post(Ops, Card("clarification")), services.Clock.GetUtcNow(), ct);
        await services.Store.EnqueueAsync(LaunchRunService.PinDraft("playground", 1), services.Clock.GetUtcNow(), ct);
        await services.ExecuteAsync("UPDATE outbox SET status = 'dead' WHERE id = 1;");
        var (sender, store, _) = Sender(services);

        Assert.Equal(0, await sender.SendDueAsync(ct));

        Assert.Equal("dead", (await store.GetResultAsync(2, ct))?.Status);
    }

    [Fact]
    public async Task SendDue_PinThroughAConnectorWithoutPins_GivenUpNotRetried()
    {
        var services = new CampaignServices(_folder.File("outbox.db"), CampaignServices.GoLive);
        var ct = TestContext.Current.CancellationToken;
        await services.Store.EnqueueAsync(LaunchRunService.Post(new ChannelAddress("nopin", "c1"), Card("clarification")), services.Clock.GetUtcNow(), ct);
        await services.Store.EnqueueAsync(LaunchRunService.PinDraft("nopin", 1), services.Clock.GetUtcNow(), ct);
        var (sender, store, _) = Sender(services, new NoPinConnector());

        Assert.Equal(1, await sender.SendDueAsync(ct));

        Assert.Equal("dead", (await store.GetResultAsync(2, ct))?.Status);
    }

    /// <summary>A connector whose platform has no pin (as Teams): it posts, and is not an <see cref="IMessagePinner"/>.</summary>
    private sealed class NoPinConnector : IChatConnector
    {
        public string Name => "nopin";

        public Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken) =>
            Task.FromResult(new PostedMessageRef(Name, channel.ChannelId, "m1"));

        public Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken) =>
            Task.FromResult(new PostedMessageRef(Name, target.ChannelId, "m2"));

        public Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
