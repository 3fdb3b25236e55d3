using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Speech;

/// <summary>
/// Readiness of voice transcription: Healthy on Whisper, Degraded on the pocketsphinx fallback (rough
/// transcripts) or with no engine (every voice note gets "needs listening"). Never Unhealthy: text
/// messages flow either way, so speech must not take the bot out of rotation.
/// </summary>
internal sealed class SpeechHealthCheck(ISpeechEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["engine"] = engine.Name };
        var result = engine switch
        {
            UnavailableSpeechEngine none => HealthCheckResult.Degraded("No speech engine: voice notes are flagged 'needs listening'. " + none.Reason, data: data),
            { LowConfidence: true } => HealthCheckResult.Degraded($"Voice notes use the fallback engine {engine.Name}; configure a Whisper model (docs/speech.md).", data: data),
            _ => HealthCheckResult.Healthy($"Voice notes use {engine.Name}.", data),
        };
        return Task.FromResult(result);
    }
}
