using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>Mirror of <c>whisper_vad_params</c> (24 bytes), embedded at the end of the full params.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperVadParams
{
    public float Threshold;
    public int MinSpeechDurationMs;
    public int MinSilenceDurationMs;
    public float MaxSpeechDurationS;
    public int SpeechPadMs;
    public float SamplesOverlap;
}
