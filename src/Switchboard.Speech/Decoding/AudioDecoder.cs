using Microsoft.Extensions.Options;

namespace Switchboard.Speech.Decoding;

/// <summary>
/// The decoder the worker uses: libopusfile in process for OGG/Opus (the common voice-note case) when it
/// is installed and enabled, ffmpeg for everything else.
/// </summary>
internal sealed class AudioDecoder(FfmpegAudioDecoder ffmpeg, IOptions<SpeechOptions> options) : IAudioDecoder
{
    public Task<DecodedAudio> DecodeAsync(ReadOnlyMemory<byte> content, AudioFormat format, int maxSeconds, CancellationToken cancellationToken)
    {
        if (format == AudioFormat.OggOpus && options.Value.UseOpusFile && OpusFileAudioDecoder.Instance is { } opus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(opus.Decode(content.Span, maxSeconds));
        }

        return ffmpeg.DecodeAsync(content, format, maxSeconds, cancellationToken);
    }
}
