using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignVerbsTests
{
    [Fact]
    public void Validate_ExampleCampaign_ExitsZero()
    {
        using var output = new StringWriter();

        Assert.Equal(0, CampaignVerbs.Validate(CampaignTestData.Folder, output));
        Assert.StartsWith("OK maya-launch20: go-live 2026-11-20 18:00 UTC", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Staffing_WorkedExample_PrintsEachStep()
    {
        using var output = new StringWriter();

        Assert.Equal(0, CampaignVerbs.Staffing(new StaffingInputs(2400, 4, 0.25, 30, 500_000), output));
        Assert.Contains("Agents: 200 h / 30 productive h = 6.7 → 7 agents (rounded up)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Staffing_BadInputs_ExitsTwo()
    {
        using var output = new StringWriter();

        Assert.Equal(2, CampaignVerbs.Staffing(new StaffingInputs(2400, 0, 0.25, 30), output));
    }

    [Fact]
    public void DefaultWindow_Example_GoLiveToSixHoursAfterLastPost()
    {
        var (from, until) = CampaignVerbs.DefaultWindow(CampaignTestData.Example(), 6);

        Assert.Equal(CampaignTestData.GoLive, from);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero), until);
    }
}
