using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Readiness of the Telegram connector: the Bot API answers getMe with this token. A rejected token is unhealthy
/// (nothing will work until it is fixed); a network or server failure is degraded (polling retries on its own).
/// The answer is cached briefly so frequent probes do not spend Bot API calls.
/// </summary>
internal sealed class TelegramHealthCheck(TelegramBotApiClient client, TimeProvider timeProvider) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_last is { } last && timeProvider.GetUtcNow() - last.At < CacheFor)
            {
                return last.Result;
            }
        }

        HealthCheckResult result;
        try
        {
            var me = await client.GetMeAsync(cancellationToken);
            result = me.IsBot ? HealthCheckResult.Healthy("Telegram Bot API reachable.") : HealthCheckResult.Unhealthy("The token does not belong to a bot.");
        }
        catch (ConnectorException ex)
        {
            result = ex.IsRetryable
                ? HealthCheckResult.Degraded("Telegram Bot API unreachable: " + ex.Failure)
                : HealthCheckResult.Unhealthy("Telegram rejected the bot: " + ex.Failure);
        }

        lock (_gate)
        {
            _last = (result, timeProvider.GetUtcNow());
        }

        return result;
    }
}
