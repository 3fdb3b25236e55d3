using Microsoft.Extensions.Options;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Campaigns;

public sealed class CampaignOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_BrokenCampaignFolder_StopsWithEveryProblem()
    {
        var campaign = Directory.CreateDirectory(Path.Combine(_folder.Path, "campaigns", "maya-launch20")).FullName;
        File.WriteAllText(Path.Combine(campaign, "factsheet.yaml"), File.ReadAllText(RepoPaths.InRepo("campaigns", "maya-launch20", "factsheet.yaml"))
            .Replace("landingPage: https://", "landingPage: http://", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(_folder.File("o.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Campaigns:Path"] = Path.Combine(_folder.Path, "campaigns"),
        }));

        Assert.Contains("campaigns: factsheet.yaml: landingPage", error.Message, StringComparison.Ordinal);
        Assert.Contains("campaigns: checklist.yaml: file is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ReminderChannelWithoutConnector_Refused()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(_folder.File("o.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Campaigns:ReminderChannel"] = "ops",
        }));

        Assert.Contains("ReminderConnector and ReminderChannel together", error.Message, StringComparison.Ordinal);
    }
}
