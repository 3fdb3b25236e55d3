using System.Runtime.InteropServices;

namespace Switchboard.Speech.Whisper;

/// <summary>
/// Mirror of <c>struct whisper_full_params</c> as whisper.cpp 1.7.6 to 1.8.0 lays it out (296 bytes on x86-64).
/// The 1.8.1 layout differs: see <see cref="WhisperFullParamsV181"/>.
/// Passed to <c>whisper_full</c> BY VALUE; C <c>bool</c> is <see cref="byte"/> so the struct is blittable.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperFullParamsV176
{
    public int Strategy;
    public int NThreads;
    public int NMaxTextCtx;
    public int OffsetMs;
    public int DurationMs;
    public byte Translate;
    public byte NoContext;
    public byte NoTimestamps;
    public byte SingleSegment;
    public byte PrintSpecial;
    public byte PrintProgress;
    public byte PrintRealtime;
    public byte PrintTimestamps;
    public byte TokenTimestamps;
    public float TholdPt;
    public float TholdPtsum;
    public int MaxLen;
    public byte SplitOnWord;
    public int MaxTokens;
    public byte DebugMode;
    public int AudioCtx;
    public byte TdrzEnable;
    public IntPtr SuppressRegex;
    public IntPtr InitialPrompt;
    public IntPtr PromptTokens;
    public int PromptNTokens;
    public IntPtr Language;
    public byte DetectLanguage;
    public byte SuppressBlank;
    public byte SuppressNst;
    public float Temperature;
    public float MaxInitialTs;
    public float LengthPenalty;
    public float TemperatureInc;
    public float EntropyThold;
    public float LogprobThold;
    public float NoSpeechThold;
    public int GreedyBestOf;
    public int BeamSearchBeamSize;
    public float BeamSearchPatience;
    public IntPtr NewSegmentCallback;
    public IntPtr NewSegmentCallbackUserData;
    public IntPtr ProgressCallback;
    public IntPtr ProgressCallbackUserData;
    public IntPtr EncoderBeginCallback;
    public IntPtr EncoderBeginCallbackUserData;
    public IntPtr AbortCallback;
    public IntPtr AbortCallbackUserData;
    public IntPtr LogitsFilterCallback;
    public IntPtr LogitsFilterCallbackUserData;
    public IntPtr GrammarRules;
    public nuint NGrammarRules;
    public nuint IStartRule;
    public float GrammarPenalty;
    public byte Vad;
    public IntPtr VadModelPath;
    public WhisperVadParams VadParams;
}
