using Switchboard.Speech.Decoding;

namespace Switchboard.IntegrationTests.Speech.Decoding;

// The bot and its native speech stack run on Linux only (libwhisper, ffmpeg, pocketsphinx from Debian).
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateTempFileTests
{
    [Fact]
    public async Task WriteAsync_VoiceNote_OwnerOnlyAndDeletedOnDispose()
    {
        string path;
        using (var file = await PrivateTempFile.WriteAsync(new byte[] { 1, 2, 3 }, "ogg", TestContext.Current.CancellationToken))
        {
            path = file.Path;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        }

        Assert.False(File.Exists(path));
    }
}
