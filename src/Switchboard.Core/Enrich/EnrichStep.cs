using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Enrich;

/// <summary>
/// Voice notes become text before triage: the first voice attachment is downloaded through its connector
/// and transcribed; the transcript is stored with the message. Without a transcriber, or when
/// transcription fails, the case still opens and is flagged "needs listening".
/// </summary>
public sealed class EnrichStep(
    ConnectorRegistry connectors,
    IMessageStore messages,
    ILogger<EnrichStep> logger,
    IVoiceTranscriber? transcriber = null) : IPipelineStep
{
    public const string NeedsListeningReason = "needs listening: the voice note could not be transcribed";

    public string Name => "enrich";

    public async Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken)
    {
        var stored = context.Message;
        var voice = stored.Message.Attachments.FirstOrDefault(a => a.IsVoice);
        if (voice is not null && stored.Transcript is null)
        {
            var transcript = await TryTranscribeAsync(stored.Message.Connector, voice, cancellationToken);
            if (transcript is not null)
            {
                await messages.SetTranscriptAsync(stored.Id, transcript.Text, cancellationToken);
                context.Message = stored with { Transcript = transcript.Text };
                context.Events.Add(new CaseEventDraft(
                    "message.transcribed",
                    "system:enrich",
                    System.Text.Json.JsonSerializer.Serialize(new { messageId = stored.Id, seconds = transcript.DurationSeconds, language = transcript.Language, lowConfidence = transcript.LowConfidence }),
                    transcript.Engine));
            }
            else
            {
                context.Events.Add(new CaseEventDraft("message.needs_listening", "system:enrich", null, null));
            }
        }

        await next(cancellationToken);
    }

    private async Task<VoiceTranscript?> TryTranscribeAsync(string connectorName, Attachment voice, CancellationToken cancellationToken)
    {
        if (transcriber is null || !connectors.TryGet(connectorName, out var connector))
        {
            return null;
        }

        try
        {
            var file = await connector.DownloadAttachmentAsync(voice, cancellationToken);
            return await transcriber.TranscribeAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TranscriptionFailed(logger, connectorName, ex.GetType().Name);
            return null;
        }
    }
}
