using Switchboard.Core.Routing;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Routing;

public sealed class RoutingConfigLoaderTests
{
    [Fact]
    public void Load_ShippedFiles_HaveARowForEveryIntent()
    {
        var config = RoutingTestConfig.Default;

        Assert.Equal(Intents.All.Order(), config.Matrix.Intents.Keys.Order());
        Assert.Equal("matrix-2026.11-1", config.Matrix.Version);
        Assert.Contains("incident", config.Teams.Teams.Keys);
    }

    [Fact]
    public void TryLoad_BadDuration_ReportsItsPath()
    {
        var matrix = RoutingTestConfig.MatrixYaml.Replace("    firstResponse: 1h\n    resolution: 72h", "    firstResponse: 1x\n    resolution: 72h", StringComparison.Ordinal);

        var config = RoutingConfigLoader.TryLoad(matrix, RoutingTestConfig.TeamsYaml, out var errors);

        Assert.Null(config);
        var error = Assert.Single(errors);
        Assert.StartsWith("matrix.intents.billing.firstResponse: '1x' is not a duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_SeveralProblems_ReportsEveryOne()
    {
        var matrix = RoutingTestConfig.MatrixYaml
            .Replace("    owner: campaign_ops", "    owner: marketing", StringComparison.Ordinal)
            .Replace("approval: { policy: auto_send, minConfidence: 0.85 }", "approval: { policy: auto_send, minConfidence: 1.5 }", StringComparison.Ordinal)
            .Replace("    publicMode: warn_and_collect_evidence", "    publicMode: shout", StringComparison.Ordinal)
            .Replace("  noise:\n", "  noize:\n", StringComparison.Ordinal);
        var teams = RoutingTestConfig.TeamsYaml.Replace("timeZone: America/New_York", "timeZone: Mars/Olympus_Mons", StringComparison.Ordinal);

        RoutingConfigLoader.TryLoad(matrix, teams, out var errors);

        Assert.Contains(errors, e => e.StartsWith("teams.engineering.timeZone: 'Mars/Olympus_Mons' is not an IANA time zone", StringComparison.Ordinal));
        // The teams file failed, so team names in the matrix are not checked against it (no cascade).
        Assert.DoesNotContain(errors, e => e.Contains("marketing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("matrix.intents.pre_sales.approval.minConfidence: 1.5 is not between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("matrix.intents.trust_safety.publicMode: 'shout' is not a public response mode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("matrix.intents.noize: unknown intent", StringComparison.Ordinal));
        Assert.Contains("matrix.intents: intent 'noise' has no row", errors);
    }

    [Fact]
    public void TryLoad_UnknownOwnerTeam_ListsTheKnownTeams()
    {
        var matrix = RoutingTestConfig.MatrixYaml.Replace("    owner: campaign_ops", "    owner: marketing", StringComparison.Ordinal);

        RoutingConfigLoader.TryLoad(matrix, RoutingTestConfig.TeamsYaml, out var errors);

        var error = Assert.Single(errors);
        Assert.StartsWith("matrix.intents.promo_campaign.owner: team 'marketing' is not in the teams configuration (support, ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_UnknownKey_ReportsTheLine()
    {
        var matrix = RoutingTestConfig.MatrixYaml.Replace("version: matrix-2026.11-1", "version: matrix-2026.11-1\nvresion: typo", StringComparison.Ordinal);

        RoutingConfigLoader.TryLoad(matrix, RoutingTestConfig.TeamsYaml, out var errors);

        var error = Assert.Single(errors);
        Assert.Matches(@"^matrix: line \d+, column \d+: .*vresion", error);
    }

    [Fact]
    public void TryLoad_TriggerWithoutConditions_IsAnError()
    {
        var matrix = RoutingTestConfig.MatrixYaml.Replace("        severities: [high, critical]\n        approval: { policy: agent_approval }", "        approval: { policy: agent_approval }", StringComparison.Ordinal);

        RoutingConfigLoader.TryLoad(matrix, RoutingTestConfig.TeamsYaml, out var errors);

        Assert.Equal(["matrix.intents.order_status.triggers[0]: give severities, flags or both"], errors);
    }

    [Fact]
    public void TryLoad_FirstResponseLongerThanResolution_IsAnError()
    {
        var matrix = RoutingTestConfig.MatrixYaml.Replace("    firstResponse: 4h\n", "    firstResponse: 4d\n", StringComparison.Ordinal);

        RoutingConfigLoader.TryLoad(matrix, RoutingTestConfig.TeamsYaml, out var errors);

        Assert.Equal(["matrix.intents.feedback.firstResponse: 4d is longer than the resolution target 3d"], errors);
    }

    [Fact]
    public void TryLoad_BadTeams_ReportsHoursAndChannels()
    {
        const string teams = """
            teams:
              support:
                timeZone: Europe/London
                hours:
                  mon-fri: "08:00-12:00,11:00-17:00"
                  funday: "09:00-10:00"
                  sat: "18:00-09:00"
              Night:
                timeZone: UTC
                alwaysOpen: true
                channels:
                  - { connector: slack }
            """;

        RoutingConfigLoader.TryLoad(RoutingTestConfig.MatrixYaml, teams, out var errors);

        Assert.Contains("teams.support.channels: at least one review channel is required", errors);
        Assert.Contains(errors, e => e.StartsWith("teams.support.hours.funday: 'funday' is not a day", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("teams.support.hours.sat: '18:00-09:00' is not a list of HH:mm-HH:mm ranges", StringComparison.Ordinal));
        Assert.Contains("teams.support.hours: ranges overlap on mon", errors);
        Assert.Contains("teams.Night: team names are lower_snake_case", errors);
        Assert.Contains("teams.Night.channels[0].channelId: required", errors);
    }

    [Fact]
    public void LoadFiles_MissingFile_Throws()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => RoutingConfigLoader.LoadFiles("/nonexistent/matrix.yaml", "/nonexistent/teams.yaml"));

        Assert.Equal(2, ex.Errors.Count);
        Assert.StartsWith("matrix: file '/nonexistent/matrix.yaml' does not exist", ex.Errors[0], StringComparison.Ordinal);
    }
}
