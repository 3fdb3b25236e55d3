using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Readiness of the Slack connector. Events mode has no connection to watch (Slack calls us); Socket Mode
/// is ready only while a socket is open and greeted, and unhealthy once receiving stopped for good.
/// </summary>
internal sealed class SlackHealthCheck(IOptions<SlackOptions> options, SlackConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Mode == SlackMode.Events)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Slack Events API mode"));
        }

        var result = state.Connected
            ? HealthCheckResult.Healthy("Slack Socket Mode " + state.Status)
            : HealthCheckResult.Unhealthy("Slack Socket Mode " + state.Status);
        return Task.FromResult(result);
    }
}
