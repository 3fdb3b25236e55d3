using Microsoft.Extensions.Hosting;
using Switchboard.Core.Connectors;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>Drains stored messages and posts one review card per message into the team channel, after the ack.</summary>
internal sealed class LoopbackPipelineWorker(LoopbackReviewSink sink, IEnumerable<IChatConnector> connectors) : BackgroundService
{
    public const string Draft = "Hi! Sorry about the double charge & the wait <3 — the duplicate is refunded.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, message) in sink.ToReview.ReadAllAsync(stoppingToken))
        {
            var tokens = new[] { "approve", "edit", "escalate", "retag" }.ToDictionary(v => $"tok-{v}-{id}", v => v);
            var reviewCase = new LoopbackCase(id, message, Draft, tokens);
            sink.Cases[id] = reviewCase;
            reviewCase.Posted = await connectors.Single(c => c.Name == "slack").PostCardAsync(
                new ChannelAddress("slack", LoopbackReviewSink.TeamChannel),
                LoopbackCards.Review(id, message.Text, Draft, tokens),
                stoppingToken);
        }
    }
}
