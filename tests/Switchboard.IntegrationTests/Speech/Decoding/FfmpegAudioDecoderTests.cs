using Microsoft.Extensions.Options;
using Switchboard.IntegrationTests.Speech;
using Switchboard.Speech;
using Switchboard.Speech.Decoding;

namespace Switchboard.IntegrationTests.Speech.Decoding;

public sealed class FfmpegAudioDecoderTests
{
    private const string Sentence = "My order has not arrived";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ogg", nameof(AudioFormat.OggOpus))]
    [InlineData("mp3", nameof(AudioFormat.Mp3))]
    [InlineData("m4a", nameof(AudioFormat.Mp4))]
    [InlineData("webm", nameof(AudioFormat.WebM))]
    [InlineData("wav", nameof(AudioFormat.Wav))]
    [InlineData("flac", nameof(AudioFormat.Flac))]
    public async Task DecodeAsync_EachFormat_16kHzMonoOfTheSpokenLength(string container, string expectedFormat)
    {
        var spoken = await SpokenVoiceNote.SpokenSecondsAsync(Sentence, Ct);
        var bytes = await SpokenVoiceNote.SpeakAsync(Sentence, container, Ct);
        var format = AudioFormatSniffer.Detect(bytes);

        var audio = await Decoder().DecodeAsync(bytes, format, maxSeconds: 60, Ct);

        Assert.Equal(expectedFormat, format.ToString());
        // Encoders pad a few frames (MP3 and AAC priming); the speech itself must all be there.
        Assert.InRange(audio.DurationSeconds, spoken - 0.05, spoken + 0.15);
        Assert.InRange(Rms(audio.Samples), 0.01, 1.0);
    }

    [Fact]
    public async Task DecodeAsync_Truncated_FailsWithFfmpegsReason()
    {
        var bytes = await SpokenVoiceNote.SpeakAsync(Sentence, "m4a", Ct);

        var ex = await Assert.ThrowsAsync<AudioDecodingException>(
            () => Decoder().DecodeAsync(bytes.AsMemory(0, bytes.Length / 3), AudioFormat.Mp4, 60, Ct));

        Assert.StartsWith("The audio could not be decoded (M4A/MP4): ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_GarbageWithOggHeader_FailsClearly()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        "OggS"u8.CopyTo(bytes);

        await Assert.ThrowsAsync<AudioDecodingException>(() => Decoder().DecodeAsync(bytes, AudioFormat.Ogg, 60, Ct));
    }

    [Fact]
    public async Task DecodeAsync_LongerThanTheLimit_StopsOneSecondPastIt()
    {
        var bytes = await SpokenVoiceNote.SpeakAsync("This sentence is certainly longer than one second of speech", "ogg", Ct);

        var audio = await Decoder().DecodeAsync(bytes, AudioFormat.OggOpus, maxSeconds: 1, Ct);

        Assert.InRange(audio.DurationSeconds, 1.9, 2.0);
    }

    [Fact]
    public async Task DecodeAsync_FfmpegMissing_SaysHowToInstall()
    {
        var decoder = new FfmpegAudioDecoder(Options.Create(new SpeechOptions { FfmpegPath = "/nonexistent/ffmpeg" }));

        var ex = await Assert.ThrowsAsync<AudioDecodingException>(() => decoder.DecodeAsync(new byte[64], AudioFormat.Wav, 60, Ct));

        Assert.Contains("eng/install/speech.sh", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.DecoderMissing);
    }

    internal static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    private static FfmpegAudioDecoder Decoder() => new(Options.Create(new SpeechOptions()));
}
