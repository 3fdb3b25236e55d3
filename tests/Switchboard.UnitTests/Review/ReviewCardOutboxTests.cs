using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.UnitTests.Campaigns;
using Switchboard.UnitTests.Cards;

namespace Switchboard.UnitTests.Review;

public sealed class ReviewCardOutboxTests
{
    private static readonly DateTimeOffset At = CampaignTestData.GoLive.AddMinutes(20);

    private static ReviewCardOutbox Outbox(bool campaigns = true) => new(
        CardTestData.Composer(),
        new Triage.FixedTimeProvider(At),
        new Switchboard.Core.Review.Moderation.ModerationCatalog([]),
        campaigns ? new CampaignMonitor(new CampaignCatalog(Path.GetDirectoryName(CampaignTestData.Folder)), Options.Create(new CampaignOptions())) : null);

    private static (CaseRecord Case, StoredMessage Message) Case(string text, string author = "jo_runs", DateTimeOffset? sentAt = null)
    {
        var at = sentAt ?? At;
        var message = new InboundMessage("telegram", "telegram", "m1", "-1001", "-1001", null, "u1", author, text, true, [], at, at);
        var record = new CaseRecord(57, message.CustomerKey, "telegram", "telegram", CaseStatus.AwaitingApproval, 1, at, at)
        {
            OwnerTeam = CampaignStep.CampaignOpsTeam,
            Intent = "promo_campaign",
            CustomerHandle = author,
        };
        return (record, new StoredMessage(1, message, 57, null));
    }

    [Fact]
    public void Compose_PromoCodeProblem_CardShowsTheCodesFactsAndTerms()
    {
        var (record, message) = Case("LAUNCH20 says invalid at checkout, and MAYA10 too");

        var card = Outbox().Compose("review", record, 2, message, ["promo code named"], 1, null, null).Card.ToJsonString();

        Assert.Contains("Campaign: Winter Launch with Maya Makes (LAUNCH20)", card, StringComparison.Ordinal);
        Assert.Contains("LAUNCH20: valid", card, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 18:00 to 2026-11-27 23:59 UTC", card, StringComparison.Ordinal);
        Assert.Contains("MAYA10", card, StringComparison.Ordinal);
        Assert.Contains("Factsheet terms", card, StringComparison.Ordinal);
        Assert.Contains("yes, in the factsheet", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CodeAfterItsWindow_CardSaysExpired()
    {
        var (record, message) = Case("is LAUNCH20 still on?", sentAt: new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

        var card = Outbox().Compose("review", record, 2, message, [], 1, null, null).Card.ToJsonString();

        Assert.Contains("LAUNCH20: expired", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Expired\",\"value\":\"yes\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CreatorPostWithoutDisclosure_CardFlagsIt()
    {
        var (record, message) = Case("Go get 20% off with LAUNCH20, link in bio", author: "@mayamakes");

        var card = Outbox().Compose("review", record, 2, message, [], 1, null, null).Card.ToJsonString();

        Assert.Contains("Disclosure missing: Creator post by @mayamakes lacks the required disclosure", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "my order never arrived")]
    [InlineData(false, "LAUNCH20 not working")]
    public void Compose_NoCampaignFacts_NoCampaignSection(bool campaigns, string text)
    {
        var (record, message) = Case(text);

        var card = Outbox(campaigns).Compose("review", record, 2, message, [], 1, null, null).Card.ToJsonString();

        Assert.DoesNotContain("Campaign:", card, StringComparison.Ordinal);
    }
}
