using Switchboard.Core.Connectors;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.Core.Routing;

/// <summary>A team: where its review cards go and when it works.</summary>
public sealed record TeamDefinition(
    string Name,
    string DisplayName,
    IReadOnlyList<ChannelAddress> ReviewChannels,
    BusinessHours Hours);
