using System.Text;
using Switchboard.Speech.Decoding;

namespace Switchboard.UnitTests.Speech.Decoding;

public sealed class AudioFormatSnifferTests
{
    public static TheoryData<byte[], string> Heads => new()
    {
        { Concat("OggS"u8.ToArray(), new byte[24], "OpusHead"u8.ToArray()), nameof(AudioFormat.OggOpus) },
        { Concat("OggS"u8.ToArray(), new byte[24], "\u0001vorbis"u8.ToArray()), nameof(AudioFormat.Ogg) },
        { Concat("RIFF"u8.ToArray(), new byte[4], "WAVEfmt "u8.ToArray()), nameof(AudioFormat.Wav) },
        { Concat(new byte[] { 0, 0, 0, 0x20 }, "ftypM4A "u8.ToArray()), nameof(AudioFormat.Mp4) },
        { new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x9F }, nameof(AudioFormat.WebM) },
        { Concat("ID3"u8.ToArray(), new byte[] { 4, 0 }), nameof(AudioFormat.Mp3) },
        { new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, nameof(AudioFormat.Mp3) },
        { new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, nameof(AudioFormat.Aac) },
        { "fLaC"u8.ToArray(), nameof(AudioFormat.Flac) },
        { "<html><body>"u8.ToArray(), nameof(AudioFormat.Unknown) },
        { Array.Empty<byte>(), nameof(AudioFormat.Unknown) },
        { new byte[] { 0x25, 0x50, 0x44, 0x46 }, nameof(AudioFormat.Unknown) },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void Detect_MagicBytes_RecognizesContainer(byte[] head, string expected) =>
        Assert.Equal(expected, AudioFormatSniffer.Detect(head).ToString());

    [Fact]
    public void FfmpegDemuxer_Unknown_IsNull() => Assert.Null(AudioFormatSniffer.FfmpegDemuxer(AudioFormat.Unknown));

    [Fact]
    public void Describe_Bytes_HexOfFirstFour() =>
        Assert.Equal("3c68746d", AudioFormatSniffer.Describe(Encoding.ASCII.GetBytes("<html>")));

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
