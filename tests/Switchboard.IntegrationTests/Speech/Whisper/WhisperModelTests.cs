using Switchboard.Speech.Whisper;

namespace Switchboard.IntegrationTests.Speech.Whisper;

public sealed class WhisperModelTests
{
    private static readonly float[] OneSecond = Tone(DecodedSeconds: 1);

    [Fact]
    public void Load_InstalledLibrary_Version191With304ByteLayout()
    {
        var library = TestWhisper.Library;

        Assert.Equal("1.9.1", library.Version);
        Assert.Equal(WhisperParamsLayout.V181, library.Layout);
        Assert.True(library.IsKnownLanguage("de"));
        Assert.False(library.IsKnownLanguage("xx"));
    }

    [Fact]
    public void Load_MissingFolder_SaysHowToBuildIt()
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperLibrary.Load(Path.Combine(Path.GetTempPath(), "no-such-native-folder")));

        Assert.Contains("eng/install/speech.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAModel_FailsClearly()
    {
        // The library itself is a file whisper cannot parse as a model.
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperModel.Load(TestWhisper.Library, TestWhisper.Library.Path));

        Assert.Contains("not a ggml Whisper model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EnglishTestModel_ReturnsNoSegmentsAndEnglish()
    {
        using var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.EnglishModel);

        var result = model.Run(OneSecond, TestWhisper.Request("en", 1), progress: null, TestContext.Current.CancellationToken);

        Assert.False(model.IsMultilingual);
        Assert.Empty(result.Segments);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void Run_MultilingualModelFixedLanguage_PassesTheLanguageThrough()
    {
        // The language pointer sits at offset 104 in the 1.9 layout; a wrong offset would not echo "de".
        using var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.MultilingualModel);

        var result = model.Run(OneSecond, TestWhisper.Request("de", 1), progress: null, TestContext.Current.CancellationToken);

        Assert.True(model.IsMultilingual);
        Assert.Equal("de", result.Language);
    }

    [Fact]
    public void Run_MultilingualModelAuto_DetectsALanguage()
    {
        using var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.MultilingualModel);

        var result = model.Run(OneSecond, TestWhisper.Request("auto", 1), progress: null, TestContext.Current.CancellationToken);

        // Weightless, so which language comes out is arbitrary; that detection ran and named one is the point.
        Assert.NotNull(result.Language);
        Assert.NotEqual("auto", result.Language);
        Assert.True(TestWhisper.Library.IsKnownLanguage(result.Language));
    }

    [Fact]
    public void Run_ProgressCallback_ReportsCompletion()
    {
        using var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.EnglishModel);
        var reports = new List<int>();

        model.Run(OneSecond, TestWhisper.Request("en", 1), new SyncProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r, 0, 100));
    }

    [Fact]
    public void Run_CancelledMidway_AbortsThroughTheCallback()
    {
        using var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.EnglishModel);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // whisper.cpp reports progress before it encodes each window; cancelling there (not on a timer, which a
        // busy machine may fire only after the last abort check) leaves the encoder's abort checks to notice.
        var request = TestWhisper.Request("en", 1) with { AudioContext = 0 };
        var aborted = new List<int>();
        var cancelOnFirstProgress = new SyncProgress(p =>
        {
            aborted.Add(p);
            cts.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => model.Run(OneSecond, request, cancelOnFirstProgress, cts.Token));

        // The context stays usable after an abort, and a whole run reports more progress than the aborted one did.
        var complete = new List<int>();
        Assert.Empty(model.Run(OneSecond, request, new SyncProgress(complete.Add), TestContext.Current.CancellationToken).Segments);
        Assert.True(aborted.Count < complete.Count, $"aborted run reported [{string.Join(", ", aborted)}], a whole run [{string.Join(", ", complete)}]");
    }

    [Fact]
    public void Run_AfterDispose_Throws()
    {
        var model = WhisperModel.Load(TestWhisper.Library, TestWhisper.EnglishModel);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Run(OneSecond, TestWhisper.Request("en", 1), null, TestContext.Current.CancellationToken));
    }

    private static float[] Tone(double DecodedSeconds) =>
        [.. Enumerable.Range(0, (int)(DecodedSeconds * 16_000)).Select(i => 0.1f * MathF.Sin(2 * MathF.PI * 220 * i / 16_000))];

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
