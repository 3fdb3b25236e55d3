using Switchboard.Speech;
using Switchboard.Speech.Decoding;
using Switchboard.Speech.Whisper;

namespace Switchboard.IntegrationTests.Speech.Whisper;

public sealed class WhisperSpeechEngineTests
{
    [Fact]
    public async Task TranscribeAsync_TestModel_EmptyTextEnglishAndEngineName()
    {
        using var engine = WhisperSpeechEngine.Load(Options(TestWhisper.EnglishModel, "auto"), TestWhisper.NativeFolder);
        var audio = new DecodedAudio(new float[16_000 * 2], AudioFormat.Wav);

        await engine.WarmUpAsync(TestContext.Current.CancellationToken);
        var result = await engine.TranscribeAsync(audio, null, TestContext.Current.CancellationToken);

        Assert.Equal("whisper.cpp 1.9.1 for-tests-ggml-tiny.en", engine.Name);
        Assert.False(engine.LowConfidence);
        Assert.Equal(string.Empty, result.Text);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void Load_EnglishOnlyModelWithGerman_Refuses()
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperSpeechEngine.Load(Options(TestWhisper.EnglishModel, "de"), TestWhisper.NativeFolder));

        Assert.Contains("English-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownLanguage_Refuses()
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperSpeechEngine.Load(Options(TestWhisper.MultilingualModel, "xx"), TestWhisper.NativeFolder));

        Assert.Contains("'xx' is not a language whisper knows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingModel_SaysWhereToGetOne()
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperSpeechEngine.Load(Options("/nonexistent/ggml-base.en.bin", "auto"), TestWhisper.NativeFolder));

        Assert.Contains("docs/speech.md", ex.Message, StringComparison.Ordinal);
    }

    internal static SpeechOptions Options(string model, string language)
    {
        var options = new SpeechOptions { Language = language };
        options.Whisper.ModelPath = model;
        options.Whisper.TemperatureIncrement = 0;
        return options;
    }
}
