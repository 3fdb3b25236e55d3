namespace Switchboard.Speech.Decoding;

/// <summary>The audio is corrupt, unsupported or too long; the message is safe to show an agent.</summary>
internal sealed class AudioDecodingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
