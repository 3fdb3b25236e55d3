using Microsoft.Extensions.Logging;
using Switchboard.Core.Domain;
using Switchboard.Core.Drafting;
using Switchboard.Core.Enrich;
using Switchboard.Core.Ingest;
using Switchboard.Core.Measuring;
using Switchboard.Core.Review;
using Switchboard.Core.Routing;
using Switchboard.Core.Sending;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Pipeline;

/// <summary>
/// The whole pipeline, composed in one place and read top to bottom:
/// ingest → enrich → triage → route → draft → review → send → measure.
/// </summary>
public sealed class MessagePipeline(
    IngestStep ingest,
    EnrichStep enrich,
    TriageStep triage,
    RouteStep route,
    DraftStep draft,
    Campaigns.CampaignStep campaign,
    ReviewStep review,
    SendStep send,
    MeasureStep measure,
    ILogger<MessagePipeline> logger)
{
    private readonly IPipelineStep[] _steps = [ingest, enrich, triage, route, draft, campaign, review, send, measure];

    public IReadOnlyList<string> StageNames => _steps.Select(s => s.Name).ToArray();

    public async Task<PipelineContext> RunAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        var context = new PipelineContext(message);
        await InvokeAsync(0, context, cancellationToken);
        if (context.StoppedBecause is { } reason)
        {
            Log.PipelineStopped(logger, message.Id, reason);
        }

        return context;
    }

    private Task InvokeAsync(int index, PipelineContext context, CancellationToken cancellationToken) =>
        index < _steps.Length
            ? _steps[index].InvokeAsync(context, ct => InvokeAsync(index + 1, context, ct), cancellationToken)
            : Task.CompletedTask;
}
