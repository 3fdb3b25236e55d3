using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;

namespace Switchboard.Core.Triage;

/// <summary>Runs triage on the message text (or its transcript) and records the decision on the case.</summary>
public sealed class TriageStep(ITriageEngine engine) : IPipelineStep
{
    public string Name => "triage";

    public Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var m = context.Message.Message;
        var result = engine.Triage(new TriageRequest(
            context.Message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            context.Message.EffectiveText,
            m.Platform,
            m.IsPublic,
            m.AuthorId,
            m.SentAt,
            m.AuthorFollowers));
        if (m.HasVoice && context.Message.Transcript is null)
        {
            result = result with { NeedsHuman = true, Reasons = [.. result.Reasons, Enrich.EnrichStep.NeedsListeningReason] };
        }

        if (result.Intent == Intents.Noise && context.Case.Intent is { } caseIntent && caseIntent != Intents.Noise && context.Case.Status.IsOpen())
        {
            // A follow-up inside an open case ("sent you the details in DM") is part of that case's issue, not noise.
            result = result with
            {
                Intent = caseIntent,
                Severity = context.Case.Severity ?? result.Severity,
                Reasons = [.. result.Reasons, $"follow-up in open case: kept intent {caseIntent}"],
            };
        }

        context.Triage = result;
        context.Next = context.Next with
        {
            Intent = result.Intent,
            Severity = context.Case.Severity is { } previous ? Severities.Max(previous, result.Severity) : result.Severity,
            Confidence = result.Confidence,
            NeedsHuman = result.NeedsHuman,
            Language = result.Language,
            ClusterId = result.ClusterId ?? context.Next.ClusterId,
            Status = context.Next.Status == CaseStatus.New ? CaseStatus.Triaged : context.Next.Status,
        };
        context.Events.Add(new CaseEventDraft(
            "triage.decided",
            "system:triage",
            JsonSerializer.Serialize(new
            {
                messageId = context.Message.Id,
                intent = result.Intent,
                severity = result.Severity,
                confidence = Math.Round(result.Confidence, 3),
                language = result.Language,
                pii = result.Pii.Select(p => p.Type).Distinct().ToArray(),
                cluster = result.ClusterId,
                needsHuman = result.NeedsHuman,
                reasons = result.Reasons,
            }),
            result.DecidedBy));
        return next(cancellationToken);
    }
}
