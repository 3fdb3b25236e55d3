using Switchboard.Speech.Whisper;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Speech.Whisper;

/// <summary>
/// The libwhisper that eng/install/speech.sh builds into native/linux-x64 and whisper.cpp's vocabulary-only
/// test models in ../shared/models: they load and run the real encoder and decoder but produce no text.
/// </summary>
internal static class TestWhisper
{
    public static string NativeFolder => RepoPaths.InRepo("native", "linux-x64");

    public static string EnglishModel => RepoPaths.InShared("models", "for-tests-ggml-tiny.en.bin");

    public static string MultilingualModel => RepoPaths.InShared("models", "for-tests-ggml-tiny.bin");

    public static WhisperLibrary Library => WhisperLibrary.Load(NativeFolder);

    /// <summary>Settings that keep weightless-model runs short: no temperature fallback.</summary>
    public static WhisperRunRequest Request(string language, double seconds) =>
        new(Threads: 1, language, WhisperRunRequest.TrimmedAudioContext(seconds), TemperatureIncrement: 0);
}
