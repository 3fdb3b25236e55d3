namespace Switchboard.Speech.Whisper;

/// <summary>Which mirror of <c>whisper_full_params</c> matches the loaded library; the value is the struct size.</summary>
internal enum WhisperParamsLayout
{
    /// <summary>whisper.cpp 1.7.6 to 1.8.0 (296 bytes).</summary>
    V176 = 296,

    /// <summary>whisper.cpp 1.8.1 to 1.9.x (304 bytes, with <c>carry_initial_prompt</c>).</summary>
    V181 = 304,
}
