using Switchboard.Speech.Whisper;

namespace Switchboard.UnitTests.Speech.Whisper;

public sealed class WhisperRunRequestTests
{
    [Theory]
    [InlineData(1.0, 114)]
    [InlineData(3.66, 247)]
    [InlineData(28.0, 1464)]
    [InlineData(29.0, 0)]
    [InlineData(30.0, 0)]
    [InlineData(300.0, 0)]
    public void TrimmedAudioContext_NoteLength_FramesWithMarginOrFullWindow(double seconds, int expected) =>
        Assert.Equal(expected, WhisperRunRequest.TrimmedAudioContext(seconds));
}
