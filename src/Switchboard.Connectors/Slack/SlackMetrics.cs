using System.Diagnostics.Metrics;

namespace Switchboard.Connectors.Slack;

/// <summary>Slack connector metrics (meter "Switchboard.Connectors.Slack"); tags carry the method and outcome, never ids or text.</summary>
internal sealed class SlackMetrics
{
    public const string MeterName = "Switchboard.Connectors.Slack";

    private readonly Counter<long> _inbound;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _reconnects;

    public SlackMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _inbound = meter.CreateCounter<long>("switchboard.slack.inbound", description: "Events and interactions received, by kind and outcome.");
        _apiCalls = meter.CreateCounter<long>("switchboard.slack.api.calls", description: "Web API calls, by method and outcome.");
        _reconnects = meter.CreateCounter<long>("switchboard.slack.socket.reconnects", description: "Socket Mode reconnects, by reason.");
    }

    public void Inbound(string kind, string outcome) =>
        _inbound.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void ApiCall(string method, string outcome) =>
        _apiCalls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));

    public void Reconnect(string reason) => _reconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
