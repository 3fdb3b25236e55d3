using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackSocketModeClientTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(4, 8000)]
    [InlineData(7, 60000)]
    [InlineData(500, 60000)]
    public void Backoff_ConsecutiveFailures_DoublesUpToTheCapWithJitter(int failures, double expectedMs)
    {
        var options = Options.Create(new SlackOptions { ReconnectBaseDelayMs = 1000, ReconnectMaxDelayMs = 60_000 });
        var client = new SlackSocketModeClient(null!, null!, null!, null!, null!, new SlackConnectionState(), SlackTestMetrics.Create(), options, TimeProvider.System, NullLogger<SlackSocketModeClient>.Instance);

        var delays = Enumerable.Range(0, 50).Select(_ => client.Backoff(failures).TotalMilliseconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, expectedMs * 0.8, expectedMs * 1.2));
        Assert.True(delays.Distinct().Count() > 1, "Backoff has no jitter.");
    }
}
