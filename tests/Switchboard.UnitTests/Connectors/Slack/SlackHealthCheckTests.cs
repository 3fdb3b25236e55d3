using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_EventsMode_Healthy()
    {
        var result = await Check(SlackMode.Events, new SlackConnectionState());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_SocketNotConnectedYet_Unhealthy()
    {
        var result = await Check(SlackMode.Socket, new SlackConnectionState());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_SocketGreeted_Healthy()
    {
        var state = new SlackConnectionState();
        state.OnHello();

        Assert.Equal(HealthStatus.Healthy, (await Check(SlackMode.Socket, state)).Status);
    }

    [Fact]
    public async Task CheckHealthAsync_LinkDisabled_UnhealthyWithReason()
    {
        var state = new SlackConnectionState();
        state.OnHello();
        state.OnStopped("link_disabled");

        var result = await Check(SlackMode.Socket, state);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("link_disabled", result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> Check(SlackMode mode, SlackConnectionState state) =>
        new SlackHealthCheck(Options.Create(new SlackOptions { Mode = mode }), state)
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
