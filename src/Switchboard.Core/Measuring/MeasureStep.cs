using System.Diagnostics.Metrics;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Measuring;

/// <summary>
/// Counts what the pipeline did. Counters are for live monitoring only; KPIs are always computed from
/// the case event log, which cannot drift.
/// </summary>
public sealed class MeasureStep : IPipelineStep
{
    private readonly Counter<long> _messages;
    private readonly Counter<long> _filtered;

    public MeasureStep(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("Switchboard.Pipeline");
        _messages = meter.CreateCounter<long>("switchboard.pipeline.messages", description: "Messages through the pipeline, by intent and outcome");
        _filtered = meter.CreateCounter<long>("switchboard.triage.filtered", description: "Messages filtered as noise");
    }

    public string Name => "measure";

    public Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var intent = context.Triage?.Intent ?? "unknown";
        _messages.Add(1, new KeyValuePair<string, object?>("intent", intent), new KeyValuePair<string, object?>("outcome", context.Outcome.ToString()), new KeyValuePair<string, object?>("platform", context.Message.Message.Platform));
        if (context.Outcome == ReviewOutcome.Filtered)
        {
            _filtered.Add(1, new KeyValuePair<string, object?>("platform", context.Message.Message.Platform));
        }

        return next(cancellationToken);
    }
}
