using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// Posts launch-run reminders (T-24h, T-1h, overdue tasks) and repeated-question clarification suggestions on a <see cref="TimeProvider"/> timer. It keeps no state of
/// its own: sent reminders are rows in launch_run_reminders, so a restart neither repeats nor loses one.
/// </summary>
internal sealed class LaunchReminderWorker(LaunchRunService runs, IOptions<CampaignOptions> options, TimeProvider time, ILogger<LaunchReminderWorker> logger) : BackgroundService
{
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var channel = o.ReminderConnector is { Length: > 0 } connector && o.ReminderChannel is { Length: > 0 } id ? new ChannelAddress(connector, id) : null;
        var reminders = await runs.SendDueRemindersAsync(channel, cancellationToken);

        // Clarification suggestions go to the reminder channel, or the channel of the campaign's latest run.
        await runs.SuggestClarificationsAsync(channel, o.GoLiveWindowHours, o.RepeatedQuestionMinCount, cancellationToken);
        return reminders;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(options.Value.ReminderPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ReminderPassFailed(logger, ex);
                await Task.Delay(options.Value.ReminderPollInterval, time, stoppingToken);
            }
        }
    }
}
