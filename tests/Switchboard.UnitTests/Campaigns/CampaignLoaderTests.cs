using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class CampaignLoaderTests
{
    private static void AssertProblem(IReadOnlyList<CampaignProblem> problems, string path, string messagePart) =>
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void Load_ExampleCampaign_IsValidAndMatchesTheReplay()
    {
        var campaign = CampaignTestData.Example();

        Assert.Equal(CampaignTestData.GoLive, campaign.GoLive);
        Assert.NotNull(campaign.FindCode("launch20"));
        Assert.Contains(campaign.Creators, c => c.Handle == "@mayamakes");
        Assert.Equal(["pre-launch", "go-live", "post-launch"], campaign.Checklist.Select(t => t.Phase).Distinct());
        Assert.Equal(TimeSpan.FromHours(-24), campaign.Checklist[0].Offset);
        Assert.Equal(500_000, campaign.Schedule[0].ExpectedReach);
        Assert.NotNull(campaign.Roi);
    }

    [Fact]
    public void Parse_UnknownKey_ReportsYamlLine()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "usageRights: Brand may", "inventoryNotes2: Brand may"));

        // The unknown key stops deserialisation, so this is reported as a YAML error with its line.
        Assert.Contains(problems, p => p.Path.StartsWith("factsheet.yaml: line ", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyValues_ListsEveryMissingFieldAtOnce()
    {
        var yaml = CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "title: Winter Launch with Maya Makes (LAUNCH20)", "title: \"\"");
        yaml = CampaignTestData.Replace(yaml, "landingPage: https://shop.example.com/winter-launch", "landingPage: \"\"");

        var problems = CampaignTestData.Problems(yaml);

        AssertProblem(problems, "factsheet.yaml: title", "is required");
        AssertProblem(problems, "factsheet.yaml: landingPage", "is required");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Parse_TimeWithoutOffset_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "goLive: 2026-11-20T18:00:00Z", "goLive: 2026-11-20T18:00:00"));

        AssertProblem(problems, "factsheet.yaml: goLive", "not a time with an offset");
    }

    [Fact]
    public void Parse_CodeEndingBeforeItStarts_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "validUntil: 2026-11-27T23:59:00Z", "validUntil: 2026-11-19T23:59:00Z"));

        AssertProblem(problems, "factsheet.yaml: promoCodes[0].validUntil", "must be after validFrom");
    }

    [Fact]
    public void Parse_DuplicateCodeAndBadLimit_BothReported()
    {
        var yaml = CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "  - code: MAYA10", "  - code: launch20");
        yaml = CampaignTestData.Replace(yaml, "redemptionLimit: 5000", "redemptionLimit: 0");

        var problems = CampaignTestData.Problems(yaml);

        AssertProblem(problems, "factsheet.yaml: promoCodes[1].code", "listed twice");
        AssertProblem(problems, "factsheet.yaml: promoCodes[0].redemptionLimit", "positive");
    }

    [Fact]
    public void Parse_LandingPageNotHttps_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "landingPage: https://shop.example.com/winter-launch", "landingPage: http://shop.example.com/winter-launch"));

        AssertProblem(problems, "factsheet.yaml: landingPage", "https");
    }

    [Fact]
    public void Parse_ScheduleNamesUnknownCreator_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "    creator: \"@mayamakes\"\n    platform: tiktok", "    creator: \"@someoneelse\"\n    platform: tiktok"));

        AssertProblem(problems, "factsheet.yaml: schedule[0].creator", "not one of the creators");
    }

    [Fact]
    public void Parse_HandleWithoutAt_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "    handle: \"@mayamakes\"", "    handle: mayamakes"));

        AssertProblem(problems, "factsheet.yaml: creators[0].handle", "must start with @");
    }

    [Fact]
    public void Parse_NoDisclosureOrContact_BothReported()
    {
        var yaml = CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "  required: [\"#ad\", \"#paidpartnership\", \"paid partnership\"]", "  required: []");
        yaml = CampaignTestData.Replace(yaml, "  handle: \"@lina.campaignops\"\n  email: campaign-ops@example.com\n", string.Empty);

        var problems = CampaignTestData.Problems(yaml);

        AssertProblem(problems, "factsheet.yaml: disclosure.required", "disclosure wording");
        AssertProblem(problems, "factsheet.yaml: creatorEscalationContact", "handle or an email");
    }

    [Fact]
    public void Parse_NameDifferentFromFolder_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "name: maya-launch20", "name: other"));

        AssertProblem(problems, "factsheet.yaml: name", "must match the folder name");
    }

    [Fact]
    public void Parse_ChecklistErrors_EachReportedWithItsIndex()
    {
        var yaml = CampaignTestData.Replace(CampaignTestData.ChecklistYaml, "    phase: go-live\n    task: Monitor", "    phase: launch\n    task: Monitor");
        yaml = CampaignTestData.Replace(yaml, "    due: T+1d", "    due: tomorrow");
        yaml = CampaignTestData.Replace(yaml, "  - id: saved-replies", "  - id: factsheet");
        yaml = CampaignTestData.Replace(yaml, "    deliverable: Screenshot of a successful discounted checkout\n    due: T-1h", "    deliverable: Screenshot of a successful discounted checkout\n    due: T+1h");

        var problems = CampaignTestData.Problems(checklist: yaml);

        AssertProblem(problems, "checklist.yaml: tasks[4].phase", "'launch' is not one of");
        AssertProblem(problems, "checklist.yaml: tasks[6].due", "'tomorrow' is not a due time");
        AssertProblem(problems, "checklist.yaml: tasks[1].id", "used twice");
        AssertProblem(problems, "checklist.yaml: tasks[2].due", "cannot be due after go-live");
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Parse_RoiWithoutAverageOrderValue_IsRejected()
    {
        var problems = CampaignTestData.Problems(CampaignTestData.Replace(CampaignTestData.FactsheetYaml, "  averageOrderValue: 46.5\n", string.Empty));

        AssertProblem(problems, "factsheet.yaml: roi.averageOrderValue", "needed with assistedPurchases");
    }

    [Fact]
    public void Parse_BrokenYaml_ReportsLine()
    {
        var problems = CampaignTestData.Problems(checklist: "tasks:\n  - id: [unclosed\n");

        Assert.Contains(problems, p => p.Path.StartsWith("checklist.yaml: line ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFolder_IsAProblemNotAnException()
    {
        var result = CampaignLoader.Load(Path.Combine(CampaignTestData.Folder, "does-not-exist"));

        Assert.False(result.IsValid);
        Assert.Contains("does not exist", result.Problems.Single().Message, StringComparison.Ordinal);
    }
}
