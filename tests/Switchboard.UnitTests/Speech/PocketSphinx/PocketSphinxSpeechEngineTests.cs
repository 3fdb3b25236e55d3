using System.Buffers.Binary;
using System.Text;
using Switchboard.Speech.PocketSphinx;

namespace Switchboard.UnitTests.Speech.PocketSphinx;

public sealed class PocketSphinxSpeechEngineTests
{
    [Fact]
    public void ToWav16_Samples_PcmWavWithClampedValues()
    {
        var wav = PocketSphinxSpeechEngine.ToWav16([0f, 1f, -1f, 2f]);

        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(16_000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(short.MaxValue, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(46)));
        Assert.Equal(-short.MaxValue, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(48)));
        Assert.Equal(short.MaxValue, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(50)));
    }
}
