namespace Switchboard.Speech.Decoding;

/// <summary>A voice note as 16 kHz mono float samples in [-1, 1].</summary>
internal sealed record DecodedAudio(float[] Samples, AudioFormat Format)
{
    public const int SampleRate = 16_000;

    public double DurationSeconds => Samples.Length / (double)SampleRate;
}
