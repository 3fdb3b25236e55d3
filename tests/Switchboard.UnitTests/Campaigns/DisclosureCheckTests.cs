using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class DisclosureCheckTests
{
    private readonly Campaign _campaign = CampaignTestData.Example();

    [Fact]
    public void Check_CreatorPostWithoutDisclosure_Flagged()
    {
        var flag = DisclosureCheck.Check(_campaign, "mayamakes", "Use LAUNCH20 for 20% off my favourite kit!");

        Assert.NotNull(flag);
        Assert.Contains("#ad", flag, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CreatorPostWithDisclosure_NotFlagged() =>
        Assert.Null(DisclosureCheck.Check(_campaign, "@mayamakes", "Use LAUNCH20 for 20% off #AD"));

    [Fact]
    public void Check_CustomerWithoutDisclosure_NotFlagged() =>
        Assert.Null(DisclosureCheck.Check(_campaign, "@emma514", "LAUNCH20 not working"));
}
