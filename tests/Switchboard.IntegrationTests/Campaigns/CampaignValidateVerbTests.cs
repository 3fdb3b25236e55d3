using Switchboard.Core.Campaigns;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Campaigns;

public sealed class CampaignValidateVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_BrokenCopyOfTheExample_ExitsOneAndListsEveryProblem()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "maya-launch20")).FullName;
        var source = RepoPaths.InRepo("campaigns", "maya-launch20");
        File.WriteAllText(Path.Combine(folder, "factsheet.yaml"), File.ReadAllText(Path.Combine(source, "factsheet.yaml"))
            .Replace("landingPage: https://", "landingPage: ftp://", StringComparison.Ordinal)
            .Replace("goLive: 2026-11-20T18:00:00Z", "goLive: soon", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "checklist.yaml"), File.ReadAllText(Path.Combine(source, "checklist.yaml"))
            .Replace("due: T+1d", "due: T+1y", StringComparison.Ordinal));
        using var output = new StringWriter();

        var exit = CampaignVerbs.Validate(folder, output);

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains("3 problem(s)", text, StringComparison.Ordinal);
        Assert.Contains("factsheet.yaml: goLive: 'soon' is not a time", text, StringComparison.Ordinal);
        Assert.Contains("factsheet.yaml: landingPage: 'ftp://shop.example.com/winter-launch' is not an absolute https URL", text, StringComparison.Ordinal);
        Assert.Contains("checklist.yaml: tasks[6].due: 'T+1y' is not a due time", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingChecklist_Reported()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "maya-launch20")).FullName;
        File.Copy(RepoPaths.InRepo("campaigns", "maya-launch20", "factsheet.yaml"), Path.Combine(folder, "factsheet.yaml"));
        using var output = new StringWriter();

        Assert.Equal(1, CampaignVerbs.Validate(folder, output));
        Assert.Contains("checklist.yaml: file is missing", output.ToString(), StringComparison.Ordinal);
    }
}
