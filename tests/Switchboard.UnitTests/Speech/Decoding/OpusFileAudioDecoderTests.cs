using Switchboard.Speech.Decoding;

namespace Switchboard.UnitTests.Speech.Decoding;

public sealed class OpusFileAudioDecoderTests
{
    [Fact]
    public void Decimate_48kHzInput_ThirdAsManySamples()
    {
        var output = OpusFileAudioDecoder.Decimate(new float[48_000]);

        Assert.Equal(16_000, output.Length);
    }

    [Fact]
    public void Decimate_LowTone_KeepsAmplitude()
    {
        var input = Tone(440, 48_000);

        var output = OpusFileAudioDecoder.Decimate(input);

        Assert.InRange(Rms(output.AsSpan(100, output.Length - 200)), 0.68, 0.73);
    }

    [Fact]
    public void Decimate_ToneAboveNewNyquist_Removed()
    {
        // 12 kHz would alias to 4 kHz at 16 kHz without the low-pass.
        var input = Tone(12_000, 48_000);

        var output = OpusFileAudioDecoder.Decimate(input);

        Assert.True(Rms(output.AsSpan(100, output.Length - 200)) < 0.01);
    }

    private static float[] Tone(double hz, int rate) =>
        [.. Enumerable.Range(0, rate).Select(i => (float)Math.Sin(2 * Math.PI * hz * i / rate))];

    private static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }
}
