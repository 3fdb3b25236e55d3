namespace Switchboard.Speech;

/// <summary>Names this assembly for reflection-based convention checks.</summary>
public static class SpeechAssemblyMarker;
