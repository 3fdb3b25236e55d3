using Microsoft.Extensions.Options;
using Switchboard.IntegrationTests.Speech;
using Switchboard.Speech;
using Switchboard.Speech.Decoding;

namespace Switchboard.IntegrationTests.Speech.Decoding;

public sealed class OpusFileAudioDecoderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decode_TelegramVoiceNote_MatchesFfmpeg()
    {
        var note = await SpokenVoiceNote.TelegramVoiceAsync(SpokenVoiceNote.RefundSentence, Ct);
        var opus = OpusFileAudioDecoder.Instance;
        Assert.NotNull(opus);

        var ours = opus.Decode(note.Content, maxSeconds: 60);
        var reference = await new FfmpegAudioDecoder(Options.Create(new SpeechOptions())).DecodeAsync(note.Content, AudioFormat.OggOpus, 60, Ct);

        Assert.InRange(ours.Samples.Length, reference.Samples.Length - 16, reference.Samples.Length + 16);
        Assert.True(BestCorrelation(ours.Samples, reference.Samples) > 0.95);
    }

    [Fact]
    public void Decode_Garbage_FailsClearly()
    {
        var bytes = new byte[2048];
        new Random(3).NextBytes(bytes);
        "OggS"u8.CopyTo(bytes);

        var ex = Assert.Throws<AudioDecodingException>(() => OpusFileAudioDecoder.Instance!.Decode(bytes, 60));

        Assert.Contains("OGG/Opus", ex.Message, StringComparison.Ordinal);
    }

    // Normalized cross-correlation over small lags: the two resamplers may differ by a sample of delay.
    private static double BestCorrelation(float[] a, float[] b)
    {
        var best = 0.0;
        for (var lag = -3; lag <= 3; lag++)
        {
            double ab = 0, aa = 0, bb = 0;
            for (var i = 100; i < Math.Min(a.Length, b.Length) - 100; i++)
            {
                var x = a[i];
                var y = b[i + lag];
                ab += x * y;
                aa += x * x;
                bb += y * y;
            }

            best = Math.Max(best, ab / Math.Sqrt(aa * bb));
        }

        return best;
    }
}
