using System.Text.RegularExpressions;
using Switchboard.Core.Routing.Yaml;

namespace Switchboard.Core.Routing;

/// <summary>
/// Loads and validates config/escalation-matrix.yaml and config/teams.yaml together (the matrix names teams).
/// Every problem is reported with its path, for example
/// <c>matrix.intents.billing.firstResponse: '1x' is not a duration</c>, and all of them at once.
/// </summary>
public static partial class RoutingConfigLoader
{
    public const string MatrixName = "matrix";
    public const string TeamsName = "teams";

    public static RoutingConfiguration LoadFiles(string matrixPath, string teamsPath)
    {
        var errors = new List<string>();
        var matrixYaml = ReadFile(matrixPath, MatrixName, errors);
        var teamsYaml = ReadFile(teamsPath, TeamsName, errors);
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }

        return Load(matrixYaml!, teamsYaml!);
    }

    /// <summary>Parses and validates both documents; throws <see cref="ConfigValidationException"/> listing every error.</summary>
    public static RoutingConfiguration Load(string matrixYaml, string teamsYaml)
    {
        var result = TryLoad(matrixYaml, teamsYaml, out var errors);
        return result ?? throw new ConfigValidationException(errors);
    }

    public static RoutingConfiguration? TryLoad(string matrixYaml, string teamsYaml, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        var teams = ReadTeams(teamsYaml, list);
        var matrix = ReadMatrix(matrixYaml, teams, list);
        errors = list;
        return list.Count == 0 && teams is not null && matrix is not null ? new RoutingConfiguration(matrix, teams) : null;
    }

    internal static string? ReadFile(string path, string name, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{name}: file '{path}' does not exist");
            return null;
        }

        return File.ReadAllText(path);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
