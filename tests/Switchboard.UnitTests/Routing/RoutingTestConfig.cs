using Switchboard.Core.Routing;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Routing;

/// <summary>The shipped config files, read once per test run.</summary>
internal static class RoutingTestConfig
{
    private static readonly Lazy<RoutingConfiguration> Shipped = new(() =>
        RoutingConfigLoader.Load(MatrixYaml, TeamsYaml));

    public static string MatrixYaml => File.ReadAllText(RepoPaths.InRepo("config", "escalation-matrix.yaml"));

    public static string TeamsYaml => File.ReadAllText(RepoPaths.InRepo("config", "teams.yaml"));

    public static RoutingConfiguration Default => Shipped.Value;

    /// <summary>Wednesday 18 Nov 2026, 12:00 UTC: every owner team is open (London is on GMT).</summary>
    public static readonly DateTimeOffset Midweek = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);
}
