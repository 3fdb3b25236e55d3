using Switchboard.Core.Triage.Language;

namespace Switchboard.IntegrationTests.Triage;

/// <summary>
/// Language identification on public text it was not built from: the UDHR paragraphs of the 13 required
/// languages (the profiles come from the project's own samples in Language/Samples).
/// </summary>
public sealed class LanguageIdentificationAccuracyTests
{
    [Fact]
    public void Identify_UdhrParagraphs_AtLeast95PercentCorrect()
    {
        var identifier = LanguageIdentifier.CreateDefault();
        var samples = UdhrCorpus.Load();
        Assert.True(samples.Count > 500, $"only {samples.Count} samples");

        var wrong = samples.Where(s => identifier.Identify(s.Text) != s.Language).ToList();
        var accuracy = 1.0 - (wrong.Count / (double)samples.Count);
        var perLanguage = samples.GroupBy(s => s.Language)
            .Select(g => $"{g.Key} {g.Count(s => identifier.Identify(s.Text) == s.Language)}/{g.Count()}");
        TestContext.Current.SendDiagnosticMessage($"UDHR paragraphs: accuracy {accuracy:0.0000} on {samples.Count}; {string.Join(", ", perLanguage)}");

        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:0.000}; e.g. {string.Join(" | ", wrong.Take(5).Select(w => w.Language + ": " + w.Text[..Math.Min(60, w.Text.Length)]))}");
    }

    [Fact]
    public void Identify_UdhrTweetLengthSnippets_AtLeast90PercentCorrect()
    {
        // The first 80 characters of each paragraph: closer to the length of a social-media message.
        var identifier = LanguageIdentifier.CreateDefault();
        var samples = UdhrCorpus.Load().Select(s => (s.Language, Text: s.Text[..Math.Min(80, s.Text.Length)])).ToList();

        var correct = samples.Count(s => identifier.Identify(s.Text) == s.Language);
        var accuracy = correct / (double)samples.Count;
        TestContext.Current.SendDiagnosticMessage($"UDHR 80-char snippets: accuracy {accuracy:0.0000} on {samples.Count}");

        Assert.True(accuracy >= 0.90, $"accuracy {accuracy:0.000}");
    }
}
