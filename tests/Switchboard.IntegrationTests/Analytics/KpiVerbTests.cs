using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>`switchboard kpi` as a user runs it, on the launch-day sample replayed into a database file.</summary>
public sealed class KpiVerbTests(LaunchDayDatabase database) : IClassFixture<LaunchDayDatabase>
{
    private string Db => database.Path;

    [Fact]
    public async Task Kpi_Json_HasEveryContractKeyInCamelCase()
    {
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "kpi", "--from", LaunchDay.Day, "--to", "2026-11-21", "--json", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonNode.Parse(result.Output)!.AsObject();
        foreach (var key in new[] { "firstResponseTime", "handlingTime", "timeToResolution", "slaAdherenceByIntent", "backlog", "reopenRate", "noiseFilteredRate", "autoTagAgreement", "routingAccuracy", "autoResolutionRate", "reviewerLoad", "draftEditRate", "csat", "volumeByHour" })
        {
            Assert.True(json.ContainsKey(key), $"missing {key}");
        }

        Assert.True(json["firstResponseTime"]!.AsObject().ContainsKey("medianSeconds"));
        Assert.True(json["firstResponseTime"]!.AsObject().ContainsKey("p90Seconds"));
        Assert.Equal(24, json["volumeByHour"]!.AsArray().Count);
        Assert.Equal(342, json["volumeByHour"]!.AsArray().Sum(n => n!.GetValue<int>()));
        // The replay summary says 157 of the 342 messages were filtered as noise.
        Assert.Equal(157, json["noiseFilteredRate"]!["numerator"]!.GetValue<int>());
        Assert.Equal(342, json["noiseFilteredRate"]!["denominator"]!.GetValue<int>());
    }

    [Fact]
    public async Task Kpi_TableAndCsv_PrintTheSameFigures()
    {
        var table = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "kpi", "--from", LaunchDay.Day, "--to", "2026-11-21", "--db", Db);
        var csv = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "kpi", "--from", LaunchDay.Day, "--to", "2026-11-21", "--csv", "--platform", "telegram", "--db", Db);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("noise filtered               45.9% (157/342)", table.Output, StringComparison.Ordinal);
        Assert.Contains("SLA adherence by intent", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("metric,value\n", csv.Output, StringComparison.Ordinal);
        Assert.Contains("\nfirstResponseTime.medianSeconds,", csv.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("volumeByPlatform.discord", csv.Output, StringComparison.Ordinal);
        Assert.Contains("volumeByPlatform.telegram,", csv.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_FromAfterTo_ExitCodeTwoWithMessage()
    {
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "kpi", "--from", "2026-11-21", "--to", LaunchDay.Day, "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from before --to", result.Error, StringComparison.Ordinal);
    }
}
