using System.CommandLine;
using Switchboard.Cli;

namespace Switchboard.IntegrationTests.Speech;

public sealed class TranscribeVerbTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transcribe_VoiceNote_PrintsTranscriptAndProgress()
    {
        var note = await SpokenVoiceNote.TelegramVoiceAsync(SpokenVoiceNote.RefundSentence, Ct);
        var file = Path.Combine(Path.GetTempPath(), $"switchboard-verb-{Guid.NewGuid():N}.ogg");
        await File.WriteAllBytesAsync(file, note.Content, Ct);
        try
        {
            var (rc, output, error) = await RunAsync(["transcribe", file]);

            Assert.Equal(0, rc);
            Assert.Contains("refund", output, StringComparison.Ordinal);
            Assert.Contains("Engine: pocketsphinx", error, StringComparison.Ordinal);
            Assert.Contains("progress: 100%", error, StringComparison.Ordinal);
            Assert.Contains("low confidence", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Transcribe_MissingFile_ExitCode2()
    {
        var (rc, _, error) = await RunAsync(["transcribe", "/nonexistent/voice.ogg"]);

        Assert.Equal(2, rc);
        Assert.Contains("No such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcribe_ModelThatDoesNotExist_FailsInsteadOfFallingBack()
    {
        var (rc, _, error) = await RunAsync(["transcribe", Whisper.TestWhisper.EnglishModel, "--model", "/nonexistent/ggml-base.en.bin"]);

        Assert.Equal(1, rc);
        Assert.Contains("ggml-base.en.bin", error, StringComparison.Ordinal);
    }

    private static async Task<(int Rc, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var rc = await SwitchboardCommandLine.Build([]).Parse(args).InvokeAsync(configuration, Ct);
        return (rc, output.ToString(), error.ToString());
    }
}
