using Switchboard.Speech.Decoding;

namespace Switchboard.UnitTests.Speech.Queue;

/// <summary>Returns <see cref="Seconds"/> of silence for any input, or throws what <see cref="Failure"/> holds.</summary>
internal sealed class FakeAudioDecoder : IAudioDecoder
{
    public double Seconds { get; init; } = 2;

    public Exception? Failure { get; init; }

    public Task<DecodedAudio> DecodeAsync(ReadOnlyMemory<byte> content, AudioFormat format, int maxSeconds, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        // Like the real decoders, never more than the limit plus a second.
        var seconds = Math.Min(Seconds, maxSeconds + 1);
        return Task.FromResult(new DecodedAudio(new float[(int)(seconds * DecodedAudio.SampleRate)], format));
    }
}
