using Switchboard.Speech;

namespace Switchboard.UnitTests.Speech;

public sealed class SpeechOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new SpeechOptionsValidator().Validate(null, new SpeechOptions()).Succeeded);

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var options = new SpeechOptions { TimeoutSeconds = 5, MaxSeconds = 600 };
        options.Whisper.Required = true;
        options.Whisper.TemperatureIncrement = 2;

        var result = new SpeechOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }
}
