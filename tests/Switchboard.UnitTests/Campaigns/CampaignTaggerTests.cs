using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignTaggerTests
{
    private readonly Campaign _campaign = CampaignTestData.Example();

    [Fact]
    public void Tag_CodeAndHandle_BothNamed()
    {
        var tag = CampaignTagger.Tag(_campaign, "Does LAUNCH20 stack with the creator discount from @mayamakes?");

        Assert.NotNull(tag);
        Assert.Equal(["LAUNCH20"], tag.Codes);
        Assert.Equal(["@mayamakes"], tag.Handles);
    }

    [Fact]
    public void Tag_LowercaseCode_Tagged() => Assert.True(CampaignTagger.Tag(_campaign, "launch20 not working")?.MentionsCode);

    [Fact]
    public void Tag_LandingPageWithoutScheme_Tagged() =>
        Assert.True(CampaignTagger.Tag(_campaign, "page shop.example.com/winter-launch is blank")?.LandingPage);

    [Fact]
    public void Tag_CodeInsideAnotherWord_NotTagged() => Assert.Null(CampaignTagger.Tag(_campaign, "PRELAUNCH2020 sale"));

    [Fact]
    public void Tag_UnrelatedText_Null() => Assert.Null(CampaignTagger.Tag(_campaign, "my parcel is late"));
}
