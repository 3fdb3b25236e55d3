using Switchboard.Core.Domain;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Pipeline;

/// <summary>The whole pipeline on the real host: playground in, SQLite, review cards, replies out.</summary>
public sealed class PipelineEndToEndTests : PlaygroundHostTests
{
    [Fact]
    public async Task PostMessage_BillingComplaint_ReviewCardInFinanceChannel()
    {
        await Playground.PostAsync("tg-community", "ana", "I was charged twice for my order, I want a refund");

        var card = await Playground.CardInAsync("review-finance");

        Assert.Contains("billing", card["card"]!.ToJsonString());
        Assert.True(PlaygroundClient.HasActions(card));
    }

    [Fact]
    public async Task PublicCommentThenDm_SameCustomer_JoinOneCase()
    {
        var first = await Playground.PostAsync("tg-community", "bob", "My refund still hasn't arrived, this charge is wrong");
        await Playground.CardInAsync("review-finance");
        var second = await Playground.PostAsync("tg-dm", "bob", "Sending you the details privately: the charge was on Monday");

        var messages = Host.Get<IMessageStore>();
        var stored = await Eventually.GetAsync(async () =>
        {
            var m = await messages.GetAsync((long)second["messageId"]!, TestContext.Current.CancellationToken);
            return m?.ProcessedAt is null ? null : m;
        });
        var firstStored = await messages.GetAsync((long)first["messageId"]!, TestContext.Current.CancellationToken);

        Assert.Equal(firstStored!.CaseId, stored.CaseId);
        var c = await Host.Get<ICaseStore>().GetAsync(stored.CaseId!.Value, TestContext.Current.CancellationToken);
        Assert.False(c!.ReplyIsPublic);
        Assert.Equal("tg-dm", c.ReplyChannelId);
    }

    [Fact]
    public async Task Approve_ByLead_ReplyReachesCustomerAndCardIsClosed()
    {
        await Playground.PostAsync("dc-support", "cleo", "You charged my card twice, refund please");
        var card = await Playground.CardInAsync("review-finance");

        var result = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "dana");

        Assert.True((bool)result["accepted"]!, result.ToJsonString());
        var reply = await Eventually.GetAsync(async () => (await Playground.PostsInAsync("dc-support", "reply")).FirstOrDefault(), what: "the reply");
        Assert.Contains("We sent you a DM", (string?)reply["text"], StringComparison.Ordinal);
        var dm = await Eventually.GetAsync(async () => (await Playground.PostsInAsync("dc-dm", "reply")).FirstOrDefault(), what: "the DM half of the reply");
        Assert.Equal("dc-dm:cleo", (string?)dm["conversationId"]);
        Assert.StartsWith("Hi @cleo", (string?)dm["text"], StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => !PlaygroundClient.HasActions((await Playground.PostsInAsync("review-finance", "card")).Single()), what: "the card to lose its actions");
        var closed = (await Playground.PostsInAsync("review-finance", "card")).Single();
        Assert.Contains("Approved by @dana", closed["card"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_TwoReviewersAtOnce_OneReply()
    {
        await Playground.PostAsync("sl-customers", "dee", "Refund me, I was double charged for the subscription");
        var card = await Playground.CardInAsync("review-finance");
        var token = PlaygroundClient.TokenOf(card, "approve");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Playground.ActAsync(token, i % 2 == 0 ? "dana" : "fin")));

        Assert.Equal(1, results.Count(r => (bool)r["accepted"]!));
        Assert.All(results.Where(r => !(bool)r["accepted"]!), r => Assert.Contains("already approved", (string?)r["message"], StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => (await Playground.PostsInAsync("sl-customers", "reply")).Count == 1, what: "one reply");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(await Playground.PostsInAsync("sl-customers", "reply"));
    }

    [Fact]
    public async Task Action_TamperedToken_RefusedWithClearMessage()
    {
        await Playground.PostAsync("x-mentions", "eve", "I want my money back for this charge");
        var card = await Playground.CardInAsync("review-finance");
        var token = PlaygroundClient.TokenOf(card, "approve");
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        var result = await Playground.ActAsync(tampered, "dana");

        Assert.False((bool)result["accepted"]!);
        Assert.Contains("not valid", (string?)result["message"], StringComparison.Ordinal);
        Assert.Empty(await Playground.PostsInAsync("x-mentions", "reply"));
    }

    [Fact]
    public async Task Approve_WithoutRole_RefusedAndAudited()
    {
        await Playground.PostAsync("tg-community", "finn", "Please refund the double charge on my card");
        var card = await Playground.CardInAsync("review-finance");

        var result = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "sam");

        Assert.False((bool)result["accepted"]!);
        Assert.Contains("finance lead", (string?)result["message"], StringComparison.Ordinal);
        var events = await Host.Get<ICaseStore>().GetEventsAsync((long)result["caseId"]!, TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.Kind == "review.refused" && e.Actor == "user:@sam");
        var stillValid = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "approve"), "fin");
        Assert.True((bool)stillValid["accepted"]!, stillValid.ToJsonString());
    }

    [Fact]
    public async Task Edit_SendsEditedTextAndKeepsTheEditAsQualitySignal()
    {
        await Playground.PostAsync("dc-support", "gus", "Charged twice?? refund now");
        var card = await Playground.CardInAsync("review-finance");

        var result = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "edit"), "dana", editedText: "Hi Gus, we have refunded the duplicate charge.");

        Assert.True((bool)result["accepted"]!);
        var reply = await Eventually.GetAsync(async () => (await Playground.PostsInAsync("dc-support", "reply")).FirstOrDefault());
        Assert.Equal("Hi Gus, we have refunded the duplicate charge.", (string?)reply["text"]);
        var events = await Host.Get<ICaseStore>().GetEventsAsync((long)result["caseId"]!, TestContext.Current.CancellationToken);
        var edit = Assert.Single(events, e => e.Kind == "review.edited");
        Assert.Contains("\"before\"", edit.Detail, StringComparison.Ordinal);
        Assert.Contains("\"after\"", edit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_TrustAndSafety_MovesCaseToLegalAndPostsThere()
    {
        await Playground.PostAsync("tg-community", "hal", "Someone is impersonating your support account and asking for card numbers, scam!");
        var card = await Playground.CardInAsync("review-trust-safety");

        var result = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "escalate"), "tess");

        Assert.True((bool)result["accepted"]!, result.ToJsonString());
        await Playground.CardInAsync("review-legal");
        var c = await Host.Get<ICaseStore>().GetAsync((long)result["caseId"]!, TestContext.Current.CancellationToken);
        Assert.Equal("legal", c!.OwnerTeam);
        Assert.Equal("trust_safety", c.FirstOwnerTeam);
    }

    [Fact]
    public async Task Noise_IsFilteredAndClosedWithoutCard()
    {
        var posted = await Playground.PostAsync("dc-support", "ivy", "lol 😂😂");

        var messages = Host.Get<IMessageStore>();
        var stored = await Eventually.GetAsync(async () =>
        {
            var m = await messages.GetAsync((long)posted["messageId"]!, TestContext.Current.CancellationToken);
            return m?.ProcessedAt is null ? null : m;
        });
        var c = await Host.Get<ICaseStore>().GetAsync(stored.CaseId!.Value, TestContext.Current.CancellationToken);
        Assert.Equal(CaseStatus.Resolved, c!.Status);
        Assert.Equal("noise", c.Intent);
        Assert.DoesNotContain(await Playground.FeedAsync(), p => (string?)p["kind"] == "card" && p["card"]!.ToJsonString().Contains($"\"Case #{c.Id} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessage_Redelivered_StoredOnce()
    {
        var first = await Playground.PostAsync("tg-community", "jo", "Where is my order?", messageId: "platform-42");
        var again = await Playground.PostAsync("tg-community", "jo", "Where is my order?", messageId: "platform-42");

        Assert.Equal((long)first["messageId"]!, (long)again["messageId"]!);
        Assert.True((bool)again["duplicate"]!);
        Assert.Equal(1, await Host.Get<IMessageStore>().CountAsync(TestContext.Current.CancellationToken));
    }
}
