namespace Switchboard.Speech.Decoding;

/// <summary>Turns an encoded voice note into 16 kHz mono samples (a process or native-library boundary).</summary>
internal interface IAudioDecoder
{
    /// <summary>
    /// Decodes at most <paramref name="maxSeconds"/> plus a little (so "too long" can be told apart from
    /// "exactly the limit"); throws <see cref="AudioDecodingException"/> for corrupt or unsupported input.
    /// </summary>
    Task<DecodedAudio> DecodeAsync(ReadOnlyMemory<byte> content, AudioFormat format, int maxSeconds, CancellationToken cancellationToken);
}
