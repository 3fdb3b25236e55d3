using System.Globalization;
using Switchboard.Core.Campaigns.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Reads a campaign folder (factsheet.yaml + checklist.yaml) strictly and validates it, collecting every problem
/// with its path instead of stopping at the first, so a campaign manager fixes the file in one pass.
/// </summary>
public static class CampaignLoader
{
    public const string FactsheetFile = "factsheet.yaml";
    public const string ChecklistFile = "checklist.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static CampaignLoadResult Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var problems = new List<CampaignProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(folder, "the campaign folder does not exist"));
            return new(null, problems);
        }

        var factsheet = Read<FactsheetDocument>(Path.Combine(folder, FactsheetFile), FactsheetFile, problems);
        var checklist = Read<ChecklistDocument>(Path.Combine(folder, ChecklistFile), ChecklistFile, problems);
        return Validate(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), Path.GetFullPath(folder), factsheet, checklist, problems);
    }

    /// <summary>Parses and validates the two documents from text (tests and tools).</summary>
    public static CampaignLoadResult Parse(string folderName, string factsheetYaml, string checklistYaml)
    {
        var problems = new List<CampaignProblem>();
        var factsheet = Deserialize<FactsheetDocument>(factsheetYaml, FactsheetFile, problems);
        var checklist = Deserialize<ChecklistDocument>(checklistYaml, ChecklistFile, problems);
        return Validate(folderName, folderName, factsheet, checklist, problems);
    }

    private static CampaignLoadResult Validate(string folderName, string folder, FactsheetDocument? factsheet, ChecklistDocument? checklist, List<CampaignProblem> problems)
    {
        // The factsheet is checked even when the checklist is missing or broken, so one run lists every problem.
        var campaign = factsheet is null
            ? null
            : new CampaignValidator(problems).Build(folderName, folder, factsheet, checklist);
        return problems.Count == 0 ? new(campaign, problems) : new(null, problems);
    }

    private static T? Read<T>(string path, string name, List<CampaignProblem> problems)
        where T : class
    {
        if (!File.Exists(path))
        {
            problems.Add(new(name, "file is missing"));
            return null;
        }

        return Deserialize<T>(File.ReadAllText(path), name, problems);
    }

    private static T? Deserialize<T>(string yaml, string name, List<CampaignProblem> problems)
        where T : class
    {
        try
        {
            var document = Deserializer.Deserialize<T?>(yaml);
            if (document is null)
            {
                problems.Add(new(name, "the document is empty"));
            }

            return document;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner ? inner.Message : ex.Message;
            problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{name}: line {ex.Start.Line}, column {ex.Start.Column}"), message));
            return null;
        }
    }
}
