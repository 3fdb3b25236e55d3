using System.Globalization;

namespace Switchboard.Core.Campaigns;

/// <summary>What the campaign and staffing verbs do, apart from argument parsing, so tests call them directly.</summary>
public static class CampaignVerbs
{
    /// <summary>Lists every problem in a campaign folder; exit code 1 when there is any.</summary>
    public static int Validate(string folder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = CampaignLoader.Load(folder);
        if (result.IsValid)
        {
            var c = result.Campaign!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"OK {c.Name}: go-live {c.GoLive:yyyy-MM-dd HH:mm} UTC, {c.PromoCodes.Count} promo code(s), {c.Creators.Count} creator(s), {c.Schedule.Count} post(s), {c.TopQuestions.Count} approved answer(s), {c.Checklist.Count} checklist task(s)"));
            return 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Problems.Count} problem(s) in {folder}:"));
        foreach (var problem in result.Problems)
        {
            output.WriteLine($"  {problem}");
        }

        return 1;
    }

    public static int Staffing(StaffingInputs inputs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        StaffingPlan plan;
        try
        {
            plan = StaffingCalculator.Calculate(inputs);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            output.WriteLine(ex.Message);
            return 2;
        }

        foreach (var (step, value) in StaffingExplanation.Steps(plan))
        {
            output.WriteLine($"{step}: {value}");
        }

        return 0;
    }

    /// <summary>The default report window: go-live (or the first post) to <paramref name="windowHours"/> after the last post.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) DefaultWindow(Campaign campaign, int windowHours)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var posts = campaign.Schedule.Select(p => p.At).Append(campaign.GoLive).ToArray();
        return (posts.Min(), posts.Max().AddHours(windowHours));
    }

    public static void WriteReport(CampaignReport report, string format, TextWriter output)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            CampaignReportWriter.WriteCsv(report, output);
        }
        else
        {
            CampaignReportWriter.WriteMarkdown(report, output);
        }
    }
}
