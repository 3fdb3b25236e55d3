using Switchboard.Core.Campaigns;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Campaigns;

/// <summary>The shipped example campaign and small variations of its YAML.</summary>
internal static class CampaignTestData
{
    public const string Name = "maya-launch20";

    public static readonly DateTimeOffset GoLive = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    public static string Folder => RepoPaths.InRepo("campaigns", Name);

    public static string FactsheetYaml => File.ReadAllText(Path.Combine(Folder, CampaignLoader.FactsheetFile));

    public static string ChecklistYaml => File.ReadAllText(Path.Combine(Folder, CampaignLoader.ChecklistFile));

    public static Campaign Example()
    {
        var result = CampaignLoader.Load(Folder);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Campaign!;
    }

    public static IReadOnlyList<CampaignProblem> Problems(string? factsheet = null, string? checklist = null) =>
        CampaignLoader.Parse(Name, factsheet ?? FactsheetYaml, checklist ?? ChecklistYaml).Problems;

    /// <summary>Replaces one exact fragment of the example, failing loudly when the fragment is not there.</summary>
    public static string Replace(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }
}
