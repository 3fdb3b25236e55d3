namespace Switchboard.Core.Routing.Yaml;

/// <summary>config/teams.yaml as read.</summary>
internal sealed class TeamsDocument
{
    public Dictionary<string, TeamDocument>? Teams { get; set; }
}
