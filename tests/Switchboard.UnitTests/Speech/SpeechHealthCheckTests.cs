using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Speech;
using Switchboard.UnitTests.Speech.Queue;

namespace Switchboard.UnitTests.Speech;

public sealed class SpeechHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_NoEngine_DegradedWithTheReason()
    {
        var result = await Check(new UnavailableSpeechEngine("no model; pocketsphinx missing"));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("pocketsphinx missing", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_FallbackEngine_Degraded()
    {
        var result = await Check(new FakeSpeechEngine { LowConfidence = true });

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_FullEngine_Healthy()
    {
        var result = await Check(new FakeSpeechEngine());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("fake 1.0", result.Data["engine"]);
    }

    private static Task<HealthCheckResult> Check(ISpeechEngine engine) =>
        new SpeechHealthCheck(engine).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
