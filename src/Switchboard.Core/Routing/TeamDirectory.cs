using Switchboard.Core.Connectors;

namespace Switchboard.Core.Routing;

/// <summary>Every team by name (from config/teams.yaml).</summary>
public sealed record TeamDirectory(IReadOnlyDictionary<string, TeamDefinition> Teams)
{
    public TeamDefinition Get(string team) =>
        Teams.TryGetValue(team, out var definition)
            ? definition
            : throw new KeyNotFoundException($"Team '{team}' is not in the teams configuration.");

    /// <summary>The review channels of several teams, in order, without duplicates.</summary>
    public IReadOnlyList<ChannelAddress> ChannelsOf(IEnumerable<string> teams) =>
        teams.Where(Teams.ContainsKey).SelectMany(t => Teams[t].ReviewChannels).Distinct().ToList();
}
