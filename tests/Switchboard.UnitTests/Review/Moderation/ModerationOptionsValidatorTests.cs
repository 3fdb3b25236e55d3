using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Review.Moderation;

public sealed class ModerationOptionsValidatorTests
{
    private readonly ModerationOptionsValidator _validator = new();

    [Fact]
    public void Validate_ReportPhrasesUnset_Succeeds()
    {
        Assert.True(_validator.Validate(null, new ModerationOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EmptyReportPhrases_FailsAskingForOne()
    {
        var result = _validator.Validate(null, new ModerationOptions { ReportPhrases = [] });

        Assert.True(result.Failed);
        Assert.Contains("at least one phrase", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryProblem_ReportedAtOnce()
    {
        var result = _validator.Validate(null, new ModerationOptions { ReportPhrases = ["", "ok", "  ", new string('x', 101)] });

        Assert.Equal(3, result.Failures!.Count());
    }
}
