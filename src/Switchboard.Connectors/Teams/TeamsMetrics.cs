using System.Diagnostics.Metrics;

namespace Switchboard.Connectors.Teams;

/// <summary>Teams connector metrics (meter "Switchboard.Connectors.Teams"); tags carry the activity type and outcome, never ids or text.</summary>
internal sealed class TeamsMetrics
{
    public const string MeterName = "Switchboard.Connectors.Teams";

    private readonly Counter<long> _inbound;

    public TeamsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _inbound = meter.CreateCounter<long>("switchboard.teams.inbound", description: "Activities received on /api/messages, by type and outcome.");
    }

    public void Inbound(string type, string outcome) =>
        _inbound.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("outcome", outcome));
}
