using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Enrich;
using Switchboard.Speech.Decoding;

namespace Switchboard.Speech;

/// <summary>
/// Transcribes one note now: size limit, format check, decoding, length limit, recognition, all under the
/// per-note timeout. The queue worker calls it for the pipeline; `switchboard transcribe` calls it directly.
/// Every failure is a <see cref="VoiceTranscriptionException"/>; the caller's cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class VoiceNoteTranscriber(
    IAudioDecoder decoder,
    ISpeechEngine engine,
    IOptions<SpeechOptions> options,
    TimeProvider timeProvider,
    ILogger<VoiceNoteTranscriber> logger)
{
    public string EngineName => engine.Name;

    /// <summary>Throws <see cref="VoiceTranscriptionException"/> (TooLarge) for a note over MaxBytes.</summary>
    public void CheckSize(DownloadedFile audio)
    {
        var max = options.Value.MaxBytes;
        if (audio.Content.LongLength > max)
        {
            throw new VoiceTranscriptionException(
                VoiceTranscriptionFailure.TooLarge,
                $"The voice note is {audio.Content.LongLength / 1024} KB, over the {max / 1024} KB limit.");
        }
    }

    public async Task<VoiceTranscript> TranscribeAsync(DownloadedFile audio, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await TranscribeCoreAsync(audio, progress, cancellationToken);
        }
        catch (VoiceTranscriptionException ex)
        {
            var detail = ex.Message;
            logger.TranscriptionFailed(ex.Reason, detail);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.TranscriptionCancelled();
            throw;
        }
    }

    private async Task<VoiceTranscript> TranscribeCoreAsync(DownloadedFile audio, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        CheckSize(audio);
        var settings = options.Value;
        var format = AudioFormatSniffer.Detect(audio.Content.AsSpan(0, Math.Min(audio.Content.Length, 256)));
        if (format == AudioFormat.Unknown)
        {
            throw new VoiceTranscriptionException(
                VoiceTranscriptionFailure.UnsupportedFormat,
                $"The attachment ({audio.MimeType ?? "no type"}, starts {AudioFormatSniffer.Describe(audio.Content)}) is not OGG/Opus, MP3, M4A/AAC, WebM, WAV or FLAC audio.");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            DecodedAudio decoded;
            try
            {
                decoded = await decoder.DecodeAsync(audio.Content, format, settings.MaxSeconds, linked.Token);
            }
            catch (AudioDecodingException ex)
            {
                var reason = ex.DecoderMissing ? VoiceTranscriptionFailure.EngineUnavailable : VoiceTranscriptionFailure.CorruptAudio;
                throw new VoiceTranscriptionException(reason, ex.Message, ex);
            }

            if (decoded.DurationSeconds > settings.MaxSeconds)
            {
                throw new VoiceTranscriptionException(
                    VoiceTranscriptionFailure.TooLong,
                    $"The voice note is longer than the {settings.MaxSeconds} s limit.");
            }

            SpeechEngineResult result;
            try
            {
                result = await engine.TranscribeAsync(decoded, progress, linked.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not VoiceTranscriptionException)
            {
                throw new VoiceTranscriptionException(VoiceTranscriptionFailure.EngineFailed, $"{engine.Name} failed: {ex.Message}", ex);
            }

            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var formatName = format.ToString();
            var engineName = engine.Name;
            var segmentCount = result.Segments.Count;
            logger.Transcribed(decoded.DurationSeconds, formatName, engineName, elapsedMs, segmentCount);
            return new VoiceTranscript(
                result.Text,
                result.Language,
                result.Segments,
                Math.Round(decoded.DurationSeconds, 2),
                engine.Name,
                engine.LowConfidence);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new VoiceTranscriptionException(
                VoiceTranscriptionFailure.Timeout,
                $"Transcription took longer than the {settings.TimeoutSeconds} s limit.",
                ex);
        }
    }
}
