using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Switchboard.Speech.Whisper;

namespace Switchboard.UnitTests.Speech.Whisper;

public sealed class WhisperLayoutsTests
{
    [Theory]
    [InlineData("1.9.1", WhisperParamsLayout.V181)]
    [InlineData("1.9.3-dev", WhisperParamsLayout.V181)]
    [InlineData("1.8.1", WhisperParamsLayout.V181)]
    [InlineData("1.8.0", WhisperParamsLayout.V176)]
    [InlineData("1.7.6", WhisperParamsLayout.V176)]
    [InlineData(null, WhisperParamsLayout.V176)]
    internal void Select_KnownVersion_PicksLayout(string? version, WhisperParamsLayout expected) =>
        Assert.Equal(expected, WhisperLayouts.Select(version));

    [Theory]
    [InlineData("1.10.0")]
    [InlineData("2.0.0")]
    [InlineData("1.7.5")]
    [InlineData("1.6.2")]
    public void Select_UnknownVersion_RefusesWithClearMessage(string version)
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperLayouts.Select(version));

        Assert.Contains($"whisper.cpp {version} is not supported", ex.Message, StringComparison.Ordinal);
        Assert.Contains("eng/install/speech.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NotAVersion_Refuses()
    {
        var ex = Assert.Throws<WhisperLoadException>(() => WhisperLayouts.Select("master"));

        Assert.Contains("'master'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.9.3-dev", 1, 9, 3)]
    [InlineData("1.8", 1, 8, 0)]
    [InlineData(" 1.7.6 ", 1, 7, 6)]
    public void ParseVersion_VersionText_ParsesCore(string text, int major, int minor, int build) =>
        Assert.Equal(new Version(major, minor, build), WhisperLayouts.ParseVersion(text));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.x.2")]
    [InlineData("1.2.3.4")]
    public void ParseVersion_NotAVersion_ReturnsNull(string text) => Assert.Null(WhisperLayouts.ParseVersion(text));

    [Fact]
    public void Mirrors_Sizes_MatchTheCHeaders()
    {
        Assert.Equal(48, Unsafe.SizeOf<WhisperContextParams>());
        Assert.Equal(24, Unsafe.SizeOf<WhisperVadParams>());
        Assert.Equal(296, Unsafe.SizeOf<WhisperFullParamsV176>());
        Assert.Equal(304, Unsafe.SizeOf<WhisperFullParamsV181>());
    }

    [Theory]
    [InlineData(nameof(WhisperFullParamsV176.NThreads), 4, 4)]
    [InlineData(nameof(WhisperFullParamsV176.Translate), 20, 20)]
    [InlineData(nameof(WhisperFullParamsV176.AudioCtx), 56, 56)]
    [InlineData(nameof(WhisperFullParamsV176.PromptTokens), 80, 88)]
    [InlineData(nameof(WhisperFullParamsV176.Language), 96, 104)]
    [InlineData(nameof(WhisperFullParamsV176.TemperatureInc), 120, 128)]
    [InlineData(nameof(WhisperFullParamsV176.GreedyBestOf), 136, 144)]
    [InlineData(nameof(WhisperFullParamsV176.ProgressCallback), 168, 176)]
    [InlineData(nameof(WhisperFullParamsV176.AbortCallback), 200, 208)]
    [InlineData(nameof(WhisperFullParamsV176.GrammarPenalty), 256, 264)]
    [InlineData(nameof(WhisperFullParamsV176.VadParams), 272, 280)]
    public void Mirrors_FieldOffsets_MatchTheCHeaders(string field, int offsetV176, int offsetV181)
    {
        Assert.Equal(offsetV176, (int)Marshal.OffsetOf<WhisperFullParamsV176>(field));
        Assert.Equal(offsetV181, (int)Marshal.OffsetOf<WhisperFullParamsV181>(field));
    }

    [Fact]
    public void CheckDefaults_V181DefaultsThroughV181Mirror_Passes()
    {
        using var defaults = new NativeDefaults(WhisperParamsLayout.V181);

        var errors = WhisperLayouts.CheckDefaults(defaults.As<WhisperFullParamsV181>(), WhisperLayouts.ReadUtf8);

        Assert.Empty(errors);
    }

    [Fact]
    public void CheckDefaults_V176DefaultsThroughV176Mirror_Passes()
    {
        using var defaults = new NativeDefaults(WhisperParamsLayout.V176);

        var errors = WhisperLayouts.CheckDefaults(defaults.As<WhisperFullParamsV176>(), WhisperLayouts.ReadUtf8);

        Assert.Empty(errors);
    }

    [Fact]
    public void CheckDefaults_V181LibraryThroughV176Mirror_RefusesWithEveryMismatch()
    {
        // A 1.9 library read with the 1.7.6 mirror: what happens when the version is wrongly reported.
        using var defaults = new NativeDefaults(WhisperParamsLayout.V181);

        var errors = WhisperLayouts.CheckDefaults(defaults.As<WhisperFullParamsV176>(), WhisperLayouts.ReadUtf8);

        Assert.Contains(errors, e => e.StartsWith("language", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("greedy.best_of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("grammar_penalty", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckDefaults_V176LibraryThroughV181Mirror_Refuses()
    {
        using var defaults = new NativeDefaults(WhisperParamsLayout.V176);

        var errors = WhisperLayouts.CheckDefaults(defaults.As<WhisperFullParamsV181>(), WhisperLayouts.ReadUtf8);

        Assert.NotEmpty(errors);
    }

    /// <summary>
    /// The greedy defaults a real library returns, written at the offsets of <paramref name="layout"/>
    /// into unmanaged memory (with a real "en" string for the language pointer).
    /// </summary>
    private sealed class NativeDefaults : IDisposable
    {
        private readonly IntPtr _buffer = Marshal.AllocHGlobal(512);
        private readonly IntPtr _en = Marshal.StringToCoTaskMemUTF8("en");

        public NativeDefaults(WhisperParamsLayout layout)
        {
            for (var i = 0; i < 512; i++)
            {
                Marshal.WriteByte(_buffer, i, 0);
            }

            var shift = layout == WhisperParamsLayout.V181 ? 8 : 0;
            Marshal.WriteInt32(_buffer, 4, 4);                 // n_threads
            Marshal.WriteInt32(_buffer, 8, 16384);             // n_max_text_ctx
            Marshal.WriteIntPtr(_buffer, 96 + shift, _en);     // language
            Marshal.WriteByte(_buffer, 105 + shift, 1);        // suppress_blank
            WriteFloat(112 + shift, 1.0f);                     // max_initial_ts
            WriteFloat(116 + shift, -1.0f);                    // length_penalty
            WriteFloat(120 + shift, 0.2f);                     // temperature_inc
            WriteFloat(124 + shift, 2.4f);                     // entropy_thold
            WriteFloat(128 + shift, -1.0f);                    // logprob_thold
            WriteFloat(132 + shift, 0.6f);                     // no_speech_thold
            Marshal.WriteInt32(_buffer, 136 + shift, 5);       // greedy.best_of
            Marshal.WriteInt32(_buffer, 140 + shift, -1);      // beam_search.beam_size
            WriteFloat(144 + shift, -1.0f);                    // beam_search.patience
            WriteFloat(256 + shift, 100f);                     // grammar_penalty
            WriteFloat(272 + shift, 0.5f);                     // vad_params.threshold
        }

        public T As<T>() where T : struct => Marshal.PtrToStructure<T>(_buffer);

        public void Dispose()
        {
            Marshal.FreeHGlobal(_buffer);
            Marshal.FreeCoTaskMem(_en);
        }

        private void WriteFloat(int offset, float value) => Marshal.WriteInt32(_buffer, offset, BitConverter.SingleToInt32Bits(value));
    }
}
