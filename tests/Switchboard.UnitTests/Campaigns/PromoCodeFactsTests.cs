using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class PromoCodeFactsTests
{
    private readonly Campaign _campaign = CampaignTestData.Example();

    [Fact]
    public void For_DuringWindowUnderLimit_Valid()
    {
        var facts = PromoCodeFacts.For(_campaign, "launch20", CampaignTestData.GoLive.AddMinutes(8));

        Assert.Equal(PromoCodeStatus.Valid, facts.Status);
        Assert.Equal("LAUNCH20", facts.Code);
        Assert.Contains("1240 of 5000 redemptions reported", facts.Summary, StringComparison.Ordinal);
        Assert.Contains("does not stack", facts.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void For_BeforeValidFrom_NotYetValid() =>
        Assert.Equal(PromoCodeStatus.NotYetValid, PromoCodeFacts.For(_campaign, "LAUNCH20", CampaignTestData.GoLive.AddMinutes(-1)).Status);

    [Fact]
    public void For_AfterValidUntil_Expired() =>
        Assert.Equal(PromoCodeStatus.Expired, PromoCodeFacts.For(_campaign, "LAUNCH20", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)).Status);

    [Fact]
    public void For_ReportedRedemptionsAtLimit_LimitReached()
    {
        var capped = _campaign with { PromoCodes = [_campaign.PromoCodes[0] with { RedemptionsReported = 5000 }] };

        var facts = PromoCodeFacts.For(capped, "LAUNCH20", CampaignTestData.GoLive.AddHours(1));

        Assert.Equal(PromoCodeStatus.LimitReached, facts.Status);
        Assert.Contains("limit reached", facts.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CodeWithoutLimit_NeverLimitReached() =>
        Assert.Equal(PromoCodeStatus.Valid, PromoCodeFacts.For(_campaign, "MAYA10", CampaignTestData.GoLive.AddHours(1)).Status);

    [Fact]
    public void For_UnknownCode_Unknown() =>
        Assert.Equal(PromoCodeStatus.Unknown, PromoCodeFacts.For(_campaign, "SAVE50", CampaignTestData.GoLive).Status);
}
