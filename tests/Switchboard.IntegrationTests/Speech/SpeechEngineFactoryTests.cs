using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.IntegrationTests.Speech.Whisper;
using Switchboard.Speech;
using Switchboard.Speech.PocketSphinx;
using Switchboard.Speech.Whisper;

namespace Switchboard.IntegrationTests.Speech;

public sealed class SpeechEngineFactoryTests
{
    [Fact]
    public void Create_ModelConfigured_Whisper()
    {
        var options = WhisperSpeechEngineTests.Options(TestWhisper.EnglishModel, "auto");
        options.Whisper.NativeLibraryPath = TestWhisper.NativeFolder;

        var engine = SpeechEngineFactory.Create(options, NullLogger.Instance);

        var whisper = Assert.IsType<WhisperSpeechEngine>(engine);
        whisper.Dispose();
    }

    [Fact]
    public void Create_NoModel_PocketSphinx()
    {
        var engine = SpeechEngineFactory.Create(new SpeechOptions(), NullLogger.Instance);

        Assert.IsType<PocketSphinxSpeechEngine>(engine);
        Assert.True(engine.LowConfidence);
    }

    [Fact]
    public void Create_ModelMissingAndNoPocketSphinx_FailingEngineWithBothReasons()
    {
        var options = WhisperSpeechEngineTests.Options("/nonexistent/ggml-base.en.bin", "auto");
        options.Whisper.NativeLibraryPath = TestWhisper.NativeFolder;
        options.PocketSphinx.ExecutablePath = "/nonexistent/pocketsphinx_continuous";

        var engine = SpeechEngineFactory.Create(options, NullLogger.Instance);

        var unavailable = Assert.IsType<UnavailableSpeechEngine>(engine);
        Assert.Contains("ggml-base.en.bin", unavailable.Reason, StringComparison.Ordinal);
        Assert.Contains("pocketsphinx", unavailable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhisperRequiredButUnloadable_Throws()
    {
        var options = WhisperSpeechEngineTests.Options("/nonexistent/ggml-base.en.bin", "auto");
        options.Whisper.NativeLibraryPath = TestWhisper.NativeFolder;
        options.Whisper.Required = true;

        Assert.Throws<WhisperLoadException>(() => SpeechEngineFactory.Create(options, NullLogger.Instance));
    }
}
