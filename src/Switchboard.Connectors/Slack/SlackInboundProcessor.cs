using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Handles one <c>event_callback</c> (from HTTP or a Socket Mode envelope): skips event ids already stored,
/// maps the event, and hands it to the sink, which returns once the message is durably stored. Only then
/// may the caller acknowledge Slack.
/// </summary>
internal sealed class SlackInboundProcessor(SlackEventMapper mapper, SlackEventDeduplicator deduplicator, SlackMetrics metrics, ILogger<SlackInboundProcessor> logger)
{
    public async Task<SlackEventOutcome> ProcessAsync(JsonObject body, IInboundSink sink, CancellationToken cancellationToken)
    {
        var outcome = await ProcessCoreAsync(body, sink, cancellationToken);
        metrics.Inbound("event", outcome.ToString().ToLowerInvariant());
        return outcome;
    }

    private async Task<SlackEventOutcome> ProcessCoreAsync(JsonObject body, IInboundSink sink, CancellationToken cancellationToken)
    {
        switch (SlackEventMapper.Str(body, "type"))
        {
            case "event_callback":
                break;
            case "app_rate_limited":
                // Slack is dropping our events for the rest of the minute; nothing to store, but worth an alert.
                logger.SlackAppRateLimited();
                return SlackEventOutcome.Ignored;
            default:
                return SlackEventOutcome.Ignored;
        }

        var eventId = SlackEventMapper.Str(body, "event_id");
        if (eventId is not null && deduplicator.IsKnown(eventId))
        {
            logger.SlackEventDuplicate(eventId);
            return SlackEventOutcome.Duplicate;
        }

        var message = mapper.Map(body);
        if (message is null)
        {
            MarkDone(eventId);
            return SlackEventOutcome.Ignored;
        }

        var result = await sink.IngestAsync(message, cancellationToken);
        MarkDone(eventId);
        logger.SlackMessageStored(eventId ?? "none", result.MessageId, result.Duplicate);
        return result.Duplicate ? SlackEventOutcome.Duplicate : SlackEventOutcome.Stored;
    }

    private void MarkDone(string? eventId)
    {
        if (eventId is not null)
        {
            deduplicator.MarkDone(eventId);
        }
    }
}
