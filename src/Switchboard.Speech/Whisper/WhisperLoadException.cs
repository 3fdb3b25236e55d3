namespace Switchboard.Speech.Whisper;

/// <summary>The whisper.cpp library or model could not be used; the message says why and what to do.</summary>
internal sealed class WhisperLoadException(string message, Exception? innerException = null)
    : Exception(message, innerException);
