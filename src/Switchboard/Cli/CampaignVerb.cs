using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Hosting;

namespace Switchboard.Cli;

/// <summary><c>switchboard campaign validate FOLDER</c> and <c>switchboard campaign report NAME</c>.</summary>
internal static class CampaignVerb
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The campaign folder, e.g. campaigns/maya-launch20." };
        var validate = new Command("validate", "Check a campaign folder (factsheet.yaml, checklist.yaml) and list every problem; exit code 1 if any.") { folder };
        validate.SetAction(parseResult => CampaignVerbs.Validate(parseResult.GetValue(folder)!, parseResult.InvocationConfiguration.Output));

        var name = new Argument<string>("name") { Description = "The campaign name (its folder under Switchboard:Campaigns:Path)." };
        var database = new Option<string?>("--db") { Description = "SQLite file (default: Switchboard:Storage:SqlitePath)." };
        var format = new Option<string>("--format") { Description = "md or csv.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var campaigns = new Option<string?>("--campaigns") { Description = "Campaigns folder (default: Switchboard:Campaigns:Path)." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Window start, UTC (default: go-live)." };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Window end, UTC (default: GoLiveWindowHours after the last post)." };
        var report = new Command("report", "Post-launch KPI snapshot from the case tables: volume, top issues, response times, SLA, promo codes, clarifications, ROI.")
        {
            name, database, format, output, campaigns, from, until,
        };
        report.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(database) is { } db)
            {
                overrides["Switchboard:Storage:SqlitePath"] = db;
            }

            if (parseResult.GetValue(campaigns) is { } path)
            {
                overrides["Switchboard:Campaigns:Path"] = Path.GetFullPath(path);
            }

            await using var services = CommandLineServices.Build(overrides);
            var catalog = services.GetRequiredService<CampaignCatalog>();
            if (catalog.Find(parseResult.GetValue(name)!) is not { } campaign)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"No campaign '{parseResult.GetValue(name)}' in {catalog.Folder ?? "(no campaigns folder)"}");
                return 1;
            }

            var window = CampaignVerbs.DefaultWindow(campaign, services.GetRequiredService<IOptions<CampaignOptions>>().Value.GoLiveWindowHours);
            var start = parseResult.GetValue(from) ?? window.From;
            var end = parseResult.GetValue(until) ?? window.Until;
            var data = await services.GetRequiredService<ICampaignStore>().ReadReportDataAsync(campaign.Name, start, end, cancellationToken);
            var snapshot = CampaignReportBuilder.Build(campaign, start, end, data, services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (parseResult.GetValue(output) is { } file)
            {
                await using var writer = file.CreateText();
                CampaignVerbs.WriteReport(snapshot, parseResult.GetValue(format)!, writer);
                parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {file.FullName}"));
            }
            else
            {
                CampaignVerbs.WriteReport(snapshot, parseResult.GetValue(format)!, parseResult.InvocationConfiguration.Output);
            }

            return 0;
        });

        return new Command("campaign", "Launch-day campaigns: validate a campaign folder, or write its post-launch report.") { validate, report };
    }
}
