namespace Switchboard.Speech.Decoding;

/// <summary>The audio is corrupt or unsupported, or the decoder is missing; the message is safe to show an agent.</summary>
internal sealed class AudioDecodingException(string message, Exception? innerException = null, bool decoderMissing = false)
    : Exception(message, innerException)
{
    /// <summary>True when the fault is the installation (ffmpeg not found), not the note.</summary>
    public bool DecoderMissing { get; } = decoderMissing;
}
